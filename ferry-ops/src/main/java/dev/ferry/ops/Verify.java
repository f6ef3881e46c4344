package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ChunkReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.value.ContentHash;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an archive without a database: the manifest's and schema's checksums, then every chunk's
 * SHA-256, every row decoded, and per chunk and per table the row count and content hash; then every
 * stored file tree (path-safety rules, each file's SHA-256) and secret. The first
 * broken file is reported with its table ({@link ErrorCode#ARCHIVE_CORRUPT}).
 */
public final class Verify {
    private final Path archivePath;
    private final Passphrase passphrase;
    private final ProgressListener progress;

    public Verify(Path archivePath, ProgressListener progress) {
        this(archivePath, null, progress);
    }

    /** {@code passphrase}: of an encrypted archive (null for a plain one). */
    public Verify(Path archivePath, Passphrase passphrase, ProgressListener progress) {
        this.archivePath = archivePath;
        this.passphrase = passphrase;
        this.progress = progress;
    }

    public VerifyResult run() {
        Instant start = Instant.now();
        try {
            ArchiveReader archive = ArchiveReader.open(archivePath, passphrase);
            Manifest manifest = archive.manifest();
            Schema schema = archive.schema();
            progress.phase("Verifying", manifest.tables().size(), manifest.totalRows());
            List<TableProof> proofs = new ArrayList<>();
            for (Manifest.TableEntry entry : manifest.tables()) {
                proofs.add(verifyTable(archive, entry, columnsOf(schema, entry)));
            }
            Proofs.requireAllMatch(proofs, "The archive " + archive.root());
            long files = VerifyFiles.verify(archive, progress);
            return new VerifyResult(proofs, manifest.totalRows(), manifest.totalBytes(), Duration.between(start, Instant.now()),
                    files, archive.encrypted());
        } finally {
            progress.done();
        }
    }

    private TableProof verifyTable(ArchiveReader archive, Manifest.TableEntry entry, int columns) {
        progress.tableStarted(entry.name());
        ContentHash total = new ContentHash();
        for (Manifest.ChunkEntry chunk : entry.chunks()) {
            try (ChunkReader rows = archive.openChunk(entry, chunk, columns)) {
                while (rows.next() != null) {
                    // decoding and checking happen inside the reader; the last next() checks the whole chunk
                }
            }
            total.add(ContentHash.of(chunk.rows(), chunk.hash()));
            progress.rows(entry.name(), chunk.rows());
        }
        progress.tableFinished(entry.name(), entry.rows(), entry.bytes());
        return Proofs.compare(entry, total);
    }

    private static int columnsOf(Schema schema, Manifest.TableEntry entry) {
        Table table = schema.table(entry.name()).orElseThrow(() -> new FerryException(ErrorCode.ARCHIVE_CORRUPT,
                "The archive is damaged: the manifest lists table " + entry.name() + " that schema.json does not."));
        return table.loadedColumns().size();
    }
}
