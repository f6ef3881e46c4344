package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The all-or-nothing unit of writing into a target, shared by restore and transfer: refuse a
 * non-empty target (unless clean), then begin, create the schema, load, finish the schema, read
 * every table back and compare it with what was sent, and commit only if every table matches. Any
 * failure rolls the target back and is reported with the step it happened in.
 */
final class TargetUnit {
    /** Loads every table; returns per source table the hash of what was sent (null: use the fallback). */
    @FunctionalInterface
    interface Loader {
        Map<QualifiedName, ContentHash> load() throws Exception;
    }

    private final String operation;
    private final ConnectionSpec spec;
    private final boolean clean;
    private final ProgressListener progress;
    private String step = "starting";
    private String hint = "";
    private Checkpoints checkpoints = Checkpoints.none();
    private Runnable beforeCommit = () -> { };

    /** @param operation how messages name the operation: "Restore", "Transfer" */
    TargetUnit(String operation, ConnectionSpec spec, boolean clean, ProgressListener progress) {
        this.operation = operation;
        this.spec = spec;
        this.clean = clean;
        this.progress = progress;
    }

    /** A sentence added to a failure the target refused (e.g. "the target runs an older version..."). */
    void hintOnFailure(String sentence) {
        this.hint = sentence == null ? "" : sentence;
    }

    /** Makes the unit checkpointed and resumable where {@code options} ask for it (a restore of {@code archive}). */
    void checkpointed(Checkpoints value) {
        this.checkpoints = value;
    }

    Checkpoints checkpoints() {
        return checkpoints;
    }

    /** Runs just before the commit and may refuse it (the target lock's {@link TargetLock#requireHeld}). */
    void beforeCommit(Runnable check) {
        this.beforeCommit = check;
    }

    static RestoreTarget open(Dialect dialect, ConnectionSpec spec) {
        return open(dialect, spec, 1);
    }

    /** A target that may use up to {@code jobs} connections where its engine can (see {@link Dialect#openRestore(ConnectionSpec, int)}). */
    static RestoreTarget open(Dialect dialect, ConnectionSpec spec, int jobs) {
        try {
            return jobs > 1 ? dialect.openRestore(spec, jobs) : dialect.openRestore(spec);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot connect to " + spec, spec);
        }
    }

    void refuseNonEmpty(RestoreTarget target) {
        List<String> existing;
        try {
            if (checkpoints.checkHalfRestored(target, spec, clean, progress)) {
                return;
            }
            existing = target.existingObjects();
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Cannot list what " + spec + " holds", spec);
        }
        if (!existing.isEmpty() && !clean) {
            String shown = existing.stream().limit(10).collect(Collectors.joining(", "))
                    + (existing.size() > 10 ? ", and " + (existing.size() - 10) + " more" : "");
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "Target " + spec + " is not empty: " + shown
                    + ". Use an empty database, or pass --clean to drop these first.");
        }
    }

    /**
     * Runs the unit, creating the translation's schema.
     *
     * @param fallback the expected proof of a table the loader returned no hash for (a restore's manifest entry)
     */
    List<TableProof> run(RestoreTarget target, Translation translation, Loader loader,
                         Function<QualifiedName, ContentHash> fallback) {
        Schema schema = translation.target();
        if (checkpoints.enabled()) {
            return run(target, translation, loader, fallback, () -> {
                checkpoints.begin(target, clean, progress);
                if (!checkpoints.finished(Checkpoints.SCHEMA)) {
                    step = "creating the schema";
                    progress.phase("Creating schema", schema.tables().size(), 0);
                    target.createTables(schema);
                    target.checkpoint(Checkpoints.SCHEMA, 0, null);
                }
            }, () -> {
                progress.phase("Adding indexes and constraints", schema.tables().size(), 0);
                target.finishSchema(schema);
            });
        }
        return run(target, translation, loader, fallback, () -> {
            target.begin(clean);
            step = "creating the schema";
            progress.phase("Creating schema", schema.tables().size(), 0);
            target.createTables(schema);
            target.takeNotes().forEach(progress::note);
        }, () -> {
            progress.phase("Adding indexes and constraints", schema.tables().size(), 0);
            target.finishSchema(schema);
        });
    }

    /** Runs the unit into tables that already exist (the translation's mappings name them). */
    List<TableProof> runExisting(RestoreTarget target, Translation translation, Loader loader,
                                 Function<QualifiedName, ContentHash> fallback) {
        List<dev.ferry.core.model.Table> tables = translation.tables().stream().map(Translation.TableMapping::target).toList();
        return run(target, translation, loader, fallback, () -> target.beginExisting(tables, clean),
                () -> target.finishExisting(tables));
    }

    /** A step of the unit that may fail with the target's exception. */
    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    private List<TableProof> run(RestoreTarget target, Translation translation, Loader loader,
                                 Function<QualifiedName, ContentHash> fallback, Step begin, Step finish) {
        try {
            step = "starting";
            begin.run();
            step = "loading data";
            Map<QualifiedName, ContentHash> sent = loader.load();
            step = "adding indexes, constraints and sequences";
            finish.run();
            List<TableProof> proofs = prove(target, translation, sent, fallback);
            step = "committing";
            beforeCommit.run();
            target.commit();
            return proofs;
        } catch (Exception e) {
            target.takeNotes().forEach(progress::note);
            Exception cause = e;
            if (e instanceof ProofPhase.ReadBackFailure r) {
                step = "reading back table " + r.table() + " for the proof";
                cause = r.sqlCause();
            }
            rollback(target, cause, checkpoints.requested());
            throw failure(cause);
        }
    }

    private List<TableProof> prove(RestoreTarget target, Translation translation, Map<QualifiedName, ContentHash> sent,
                                   Function<QualifiedName, ContentHash> fallback) {
        long rows = sent.values().stream().filter(h -> h != null).mapToLong(ContentHash::rows).sum();
        progress.phase("Proving", translation.tables().size(), rows);
        step = "reading the tables back for the proof";
        List<TableProof> proofs = new ProofPhase(target, progress).run(translation, name -> expected(name, sent, fallback));
        Proofs.requireAllMatch(proofs, "The data written to " + spec);
        return proofs;
    }

    /** What was sent of a table: in this run, else in the run a checkpoint recorded, else the archive's. */
    private ContentHash expected(QualifiedName name, Map<QualifiedName, ContentHash> sent,
                                 Function<QualifiedName, ContentHash> fallback) {
        if (sent.get(name) != null) {
            return sent.get(name);
        }
        ContentHash earlier = checkpoints.sentEarlier(name);
        return earlier != null ? earlier : fallback.apply(name);
    }

    private static void rollback(RestoreTarget target, Exception cause, boolean keepCheckpoints) {
        try {
            if (keepCheckpoints) {
                target.abandon();
            } else {
                target.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private FerryException failure(Exception e) {
        String what = operation + " failed while " + step;
        String suffix = checkpoints.requested() ? checkpoints.failureSuffix()
                : " Nothing was " + (operation.equals("Restore") ? "restored" : "written") + ": the target is as it was before.";
        if (e instanceof FerryException fe) {
            String extra = fe.code() == ErrorCode.RESTORE_FAILED ? hint : "";
            return new FerryException(fe.code(), what + ": " + fe.getMessage() + suffix + extra, fe);
        }
        if (e instanceof SQLException se) {
            FerryException wrapped = Connections.failure(se, ErrorCode.RESTORE_FAILED, what, spec);
            String extra = wrapped.code() == ErrorCode.RESTORE_FAILED ? hint : "";
            return new FerryException(wrapped.code(), wrapped.getMessage() + suffix + extra, se);
        }
        return new FerryException(ErrorCode.INTERNAL, what + ": " + e + suffix, e);
    }
}
