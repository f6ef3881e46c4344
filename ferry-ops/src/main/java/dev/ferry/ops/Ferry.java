package dev.ferry.ops;

import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;

/**
 * The library entry point for the common cases; each method runs one operation with defaults.
 * For options, build the settings record and run the operation class directly:
 * {@code new Backup(BackupSettings.of(src, path).withJobs(4), listener).run()}.
 */
public final class Ferry {
    private Ferry() {
    }

    public static BackupResult backup(String sourceUrl, Path archive) {
        return new Backup(BackupSettings.of(ConnectionSpec.of(sourceUrl), archive), ProgressListener.NONE).run();
    }

    public static RestoreResult restore(Path archive, String targetUrl) {
        return new Restore(RestoreSettings.of(archive, ConnectionSpec.of(targetUrl)), ProgressListener.NONE).run();
    }

    /** Copies a live database into another (empty) one, same engine or not, and proves it. */
    public static TransferResult transfer(String sourceUrl, String targetUrl) {
        return new Transfer(TransferSettings.of(ConnectionSpec.of(sourceUrl), ConnectionSpec.of(targetUrl)),
                ProgressListener.NONE).run();
    }

    /** Compares two live databases, of one engine or two. */
    public static DiffResult diff(String urlA, String urlB) {
        return new Diff(DiffSettings.of(new DiffSettings.Database(ConnectionSpec.of(urlA)),
                new DiffSettings.Database(ConnectionSpec.of(urlB))), ProgressListener.NONE).run();
    }

    public static VerifyResult verify(Path archive) {
        return new Verify(archive, ProgressListener.NONE).run();
    }

    public static InspectResult inspect(Path archive) {
        return new Inspect(archive).run();
    }
}
