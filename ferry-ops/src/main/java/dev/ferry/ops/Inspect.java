package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import java.nio.file.Path;

/** Describes an archive: source, time, tables with rows and sizes, migration histories. Reads no row data. */
public final class Inspect {
    private final Path archivePath;

    public Inspect(Path archivePath) {
        this.archivePath = archivePath;
    }

    public InspectResult run() {
        ArchiveReader archive = ArchiveReader.open(archivePath);
        return new InspectResult(archive.root(), archive.manifest(), archive.schema());
    }
}
