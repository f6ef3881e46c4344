package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.value.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The resumable side of a {@link TargetUnit}: whether the unit is checkpointed, what an interrupted
 * restore of the same archive already finished, and the refusal of a half-restored target that is
 * neither resumed nor cleaned. Items are {@code schema} and {@code table <source table name>}.
 */
final class Checkpoints {
    static final String SCHEMA = "schema";

    private final String archive;
    private final TargetOptions options;
    private final boolean always;
    private HalfRestored resumed;
    private Map<String, HalfRestored.Checkpoint> byItem = Map.of();

    /**
     * Where a table's load starts: at archive chunk {@code chunk}, after {@code rows} rows committed
     * with a checkpoint whose hash of what was sent is {@code sent} (null where the archive's stands).
     */
    record TableStart(int chunk, long rows, ContentHash sent) {
        static final TableStart BEGINNING = new TableStart(0, 0, null);

        /** The hash of every row sent: before this run, and {@code now} in it; null if nothing is hashed. */
        ContentHash plus(ContentHash now) {
            if (now == null) {
                return null;
            }
            ContentHash total = sent == null ? new ContentHash() : ContentHash.of(sent.rows(), sent.hex());
            total.add(now);
            return total;
        }
    }

    /**
     * @param archive the archive's identity ({@link #identity}); null for a transfer, which cannot resume
     * @param always  the target checkpoints every restore ({@link RestoreTarget#checkpointsAlways()})
     */
    Checkpoints(String archive, TargetOptions options, boolean always) {
        this.archive = archive;
        this.options = options;
        this.always = always;
    }

    static Checkpoints none() {
        return new Checkpoints(null, TargetOptions.DEFAULTS, false);
    }

    /** The SHA-256 of the archive's manifest, as stored (sealed or not): what a checkpoint belongs to. */
    static String identity(Path archive) {
        Path manifest = archive.resolve(ArchiveFormat.MANIFEST);
        if (!Files.exists(manifest)) {
            manifest = archive.resolve(ArchiveFormat.SEALED_MANIFEST);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifest));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot read the manifest " + manifest + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tableItem(QualifiedName name) {
        return "table " + name;
    }

    static String chunkItem(QualifiedName name, int chunk) {
        return "chunk " + chunk + " of " + tableItem(name);
    }

    /** Whether the unit records checkpoints. */
    boolean enabled() {
        return archive != null && (always || requested());
    }

    /** Whether the user asked for a checkpointed unit, which a failure leaves half-restored for a resume. */
    boolean requested() {
        return archive != null && (!options.singleTransaction() || options.resume());
    }

    /**
     * Looks for an interrupted restore's checkpoints before the target is judged empty; returns true
     * if it is resumed (the emptiness check is then skipped), throws if it may not be.
     */
    boolean checkHalfRestored(RestoreTarget target, ConnectionSpec spec, boolean clean, ProgressListener progress)
            throws SQLException {
        HalfRestored half = target.halfRestored();
        if (half == null || clean) {
            return false;
        }
        String state = "Target " + spec + " is half-restored: a restore interrupted after " + half.tables()
                + " finished tables left its checkpoints in " + dev.ferry.core.spi.CheckpointTable.NAME + ".";
        if (!options.resume() && target.unfinishedWorkApart()) {
            progress.note("A restore into " + spec + " was interrupted after " + half.tables() + " finished tables;"
                    + " the target is untouched, so this restore starts over and drops that work"
                    + " (run with --resume to continue such a restore instead).");
            return false;
        }
        if (!options.resume()) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, state + " Run the same restore with --resume to continue it,"
                    + " or with --clean to start over.");
        }
        if (!half.archive().equals(archive)) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, state + " It was restoring another archive (manifest SHA-256 "
                    + half.archive() + ", this one is " + archive + "): --resume continues only the same archive."
                    + " Resume with that archive, or pass --clean to start over with this one.");
        }
        resumed = half;
        byItem = half.finished().stream().collect(Collectors.toMap(HalfRestored.Checkpoint::item, c -> c, (a, b) -> b));
        return true;
    }

    /** Starts the checkpointed unit: a new one, or the resumed one. */
    void begin(RestoreTarget target, boolean clean, ProgressListener progress) throws SQLException {
        if (!target.checkpointable()) {
            throw new FerryException(ErrorCode.UNSUPPORTED, "This target cannot be restored with checkpoints"
                    + " (--no-single-transaction, --resume); restore it in one transaction.");
        }
        target.beginCheckpointed(archive, clean, resumed != null);
        if (resumed != null) {
            progress.note("Resuming the half-restored target: " + resumed.tables() + " tables already restored are kept.");
        }
    }

    /** Whether this unit continues an interrupted restore. */
    boolean resuming() {
        return resumed != null;
    }

    boolean finished(String item) {
        return byItem.containsKey(item);
    }

    /** Where an unfinished table's load starts: after the chunks an interrupted run committed, else at its start. */
    TableStart startOf(QualifiedName table) {
        TableStart start = TableStart.BEGINNING;
        for (int chunk = 0; byItem.containsKey(chunkItem(table, chunk)); chunk++) {
            HalfRestored.Checkpoint c = byItem.get(chunkItem(table, chunk));
            start = new TableStart(chunk + 1, c.rows(), c.hash() == null ? null : ContentHash.of(c.rows(), c.hash()));
        }
        return start;
    }

    boolean finished(QualifiedName table) {
        return finished(tableItem(table));
    }

    /** What was sent into a table an earlier run finished, or null where the manifest's hash stands. */
    ContentHash sentEarlier(QualifiedName table) {
        HalfRestored.Checkpoint c = byItem.get(tableItem(table));
        return c == null || c.hash() == null ? null : ContentHash.of(c.rows(), c.hash());
    }

    /** The sentence a failure of a checkpointed unit ends with. */
    String failureSuffix() {
        return " The target is half-restored (every finished table and chunk was checkpointed): run the same restore with --resume"
                + " to continue it, or with --clean to start over.";
    }
}
