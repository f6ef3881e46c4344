package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a restore writes the archive's files: trees by name ({@code --files-to media=/srv/media}),
 * secrets by name ({@code --secret-to key=/etc/app/key}), and whether existing files may be replaced.
 */
public record FileTargets(Map<String, Path> trees, Map<String, Path> secrets, boolean overwrite) {
    public static final FileTargets NONE = new FileTargets(null, null, false);

    public FileTargets {
        trees = NamedPaths.copy(trees);
        secrets = NamedPaths.copy(secrets);
        List<String> problems = new ArrayList<>();
        NamedPaths.checkNames("--files-to", trees, problems);
        NamedPaths.checkNames("--secret-to", secrets, problems);
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, String.join("; ", problems));
        }
    }

    public boolean isEmpty() {
        return trees.isEmpty() && secrets.isEmpty();
    }
}
