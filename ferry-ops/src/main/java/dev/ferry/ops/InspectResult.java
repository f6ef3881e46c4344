package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.model.Schema;
import java.nio.file.Path;

/** What an archive holds, from its manifest and schema (data files are not read). */
public record InspectResult(Path archive, Manifest manifest, Schema schema, boolean encrypted) {
    public InspectResult(Path archive, Manifest manifest, Schema schema) {
        this(archive, manifest, schema, false);
    }
}
