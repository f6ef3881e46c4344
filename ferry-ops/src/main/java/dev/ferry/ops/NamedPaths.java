package dev.ferry.ops;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of the {@code name=path} options (--files, --secret-file, --files-to, --secret-to). Internal. */
final class NamedPaths {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private NamedPaths() {
    }

    /** An unmodifiable copy in the given order (null: empty). */
    static Map<String, Path> copy(Map<String, Path> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Adds a problem per name that is not a short word (letters, digits, '_', '.', '-'). */
    static void checkNames(String option, Map<String, Path> map, List<String> problems) {
        map.forEach((name, path) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(option + " '" + name + "': a name is 1-64 letters, digits, '_', '.' or '-', starting with a"
                        + " letter or digit");
            }
            if (path == null) {
                problems.add(option + " " + name + ": no path");
            }
        });
    }
}
