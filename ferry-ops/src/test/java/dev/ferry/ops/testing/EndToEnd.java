package dev.ferry.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Fingerprint;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.Verify;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The round trip every dialect must pass: backup, verify, restore into an empty database, and an
 * independent check that the committed target's fingerprint equals the source's.
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /** The outcome, for further assertions. */
    public record Outcome(BackupResult backup, RestoreResult restore, Map<String, ContentHash> sourceFingerprint) {
    }

    /**
     * Backup and restore of data too large to read more often than needed (no separate verify pass):
     * the restore's proofs must match, the row count be {@code rows}, and the fingerprints be equal.
     */
    public static void streamThrough(ConnectionSpec source, ConnectionSpec target, Path archive, long rows) {
        new Backup(BackupSettings.of(source, archive), ProgressListener.NONE).run();
        RestoreResult result = new Restore(RestoreSettings.of(archive, target), ProgressListener.NONE).run();
        assertThat(result.proofs()).allMatch(TableProof::matches);
        assertThat(result.rows()).isEqualTo(rows);
        assertThat(new Fingerprint(target, List.of()).run()).isEqualTo(new Fingerprint(source, List.of()).run());
    }

    public static Outcome roundTrip(ConnectionSpec source, ConnectionSpec target, Path archive, int jobs) {
        Map<String, ContentHash> before = new Fingerprint(source, List.of()).run();
        BackupResult backup = new Backup(BackupSettings.of(source, archive).withJobs(jobs), ProgressListener.NONE).run();
        assertThat(new Fingerprint(source, List.of()).run()).as("the source is unchanged by the backup").isEqualTo(before);
        assertThat(backup.manifest().tables()).hasSize(before.size());
        new Verify(archive, ProgressListener.NONE).run();
        RestoreResult restore = new Restore(RestoreSettings.of(archive, target), ProgressListener.NONE).run();
        assertThat(restore.proofs()).allMatch(TableProof::matches).hasSize(before.size());
        assertThat(new Fingerprint(target, List.of()).run()).as("the committed target equals the source").isEqualTo(before);
        return new Outcome(backup, restore, before);
    }
}
