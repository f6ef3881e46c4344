package dev.ferry.embedded;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Tests a backup without a server ({@code ferry verify <archive> --scratch}): restores the archive
 * into a throw-away database, proven table by table as every restore is, then throws the database
 * away. A PostgreSQL archive goes into an embedded PostgreSQL (the bundled major, so the archive's own
 * functions, types and views are created too); any other archive into a temporary SQLite file (the
 * data, keys and indexes; engine-specific objects are listed as not carried).
 */
public final class ScratchVerify {
    private static final String POSTGRES = "postgresql";

    private final Path archive;
    private final Passphrase passphrase;
    private final ProgressListener progress;

    public ScratchVerify(Path archive, Passphrase passphrase, ProgressListener progress) {
        this.archive = archive;
        this.passphrase = passphrase;
        this.progress = progress;
    }

    /** What was restored where, and its proof. */
    public record Result(String scratch, RestoreResult restore) {
    }

    public Result run() {
        Manifest manifest = ArchiveReader.open(archive, passphrase).manifest();
        if (POSTGRES.equals(manifest.source().engine())) {
            return intoEmbeddedPostgres();
        }
        return intoSqlite();
    }

    private Result intoEmbeddedPostgres() {
        progress.note("starting a throw-away PostgreSQL " + PostgresBinaries.bundled().version());
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(PostgresBinaries.bundled()))) {
            ConnectionSpec target = pg.createDatabase("ferry_scratch");
            RestoreResult restored = new Restore(settings(target), progress).run();
            return new Result("a throw-away PostgreSQL " + pg.serverVersion(), restored);
        }
    }

    private Result intoSqlite() {
        Path dir = temporaryDirectory();
        try {
            ConnectionSpec target = ConnectionSpec.of("jdbc:sqlite:" + dir.resolve("scratch.db"));
            return new Result("a throw-away SQLite file", new Restore(settings(target), progress).run());
        } finally {
            deleteTree(dir);
        }
    }

    private RestoreSettings settings(ConnectionSpec target) {
        return RestoreSettings.of(archive, target).withPassphrase(passphrase);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ferry-scratch-");
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot create a temporary directory for the scratch database: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
