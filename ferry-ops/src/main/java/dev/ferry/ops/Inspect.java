package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.crypto.Passphrase;
import java.nio.file.Path;

/**
 * Describes an archive: source, time, tables with rows and sizes, migration histories, file trees,
 * secrets, tables stored without rows. Reads no row data. An encrypted archive needs its passphrase.
 */
public final class Inspect {
    private final Path archivePath;
    private final Passphrase passphrase;

    public Inspect(Path archivePath) {
        this(archivePath, null);
    }

    public Inspect(Path archivePath, Passphrase passphrase) {
        this.archivePath = archivePath;
        this.passphrase = passphrase;
    }

    public InspectResult run() {
        ArchiveReader archive = ArchiveReader.open(archivePath, passphrase);
        return new InspectResult(archive.root(), archive.manifest(), archive.schema(), archive.encrypted());
    }
}
