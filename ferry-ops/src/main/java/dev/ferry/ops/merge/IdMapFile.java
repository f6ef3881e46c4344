package dev.ferry.ops.merge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code --id-map}: per table, each archive key and the target key it became, with {@code matched} true
 * where an existing row was reused. Written (through a temporary file beside it, renamed) before the merge
 * commits, and deleted again if the commit fails. Internal.
 * <pre>{"tables": {"project": [{"old": [5], "new": [12], "matched": false}, ...]}}</pre>
 */
final class IdMapFile {
    private IdMapFile() {
    }

    static void write(Path file, KeyMap keys) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode tables = root.putObject("tables");
        for (Map.Entry<QualifiedName, Map<List<Object>, KeyMap.Target>> t : keys.all().entrySet()) {
            ArrayNode rows = tables.putArray(t.getKey().toString());
            t.getValue().forEach((old, target) -> {
                ObjectNode row = rows.addObject();
                row.set("old", ArchiveFormat.json().valueToTree(old));
                row.set("new", ArchiveFormat.json().valueToTree(target.key()));
                row.put("matched", target.matched());
            });
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".ferry-id-map-", ".json");
            ArchiveFormat.json().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Writing the id map " + file + " failed, so the merge was rolled"
                    + " back: " + e.getMessage(), e);
        }
    }
}
