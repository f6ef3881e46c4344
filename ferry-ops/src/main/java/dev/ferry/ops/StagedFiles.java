package dev.ferry.ops;

import dev.ferry.core.archive.tree.MoveJournal;
import dev.ferry.core.archive.tree.SecretRestore;
import dev.ferry.core.archive.tree.TreeRestore;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trees and secrets written under temporary names, waiting to be moved into place. {@link #publish}
 * moves them all or, on any failure, none; closing without publishing discards them. Internal.
 */
final class StagedFiles implements AutoCloseable {
    private final List<TreeRestore> trees;
    private final List<SecretRestore> secrets;
    private final List<String> notRestored;
    private final MoveJournal journal;
    private boolean done;

    StagedFiles(List<TreeRestore> trees, List<SecretRestore> secrets, List<String> notRestored, MoveJournal journal) {
        this.trees = List.copyOf(trees);
        this.secrets = List.copyOf(secrets);
        this.notRestored = List.copyOf(notRestored);
        this.journal = journal;
    }

    /**
     * Moves everything into place. {@code afterDatabase}: a database restore has already committed, and
     * a failure here says so (the files are rolled back; the database stays restored).
     */
    RestoredFiles publish(boolean afterDatabase) {
        done = true;
        try {
            trees.forEach(t -> t.publish(journal));
            secrets.forEach(s -> s.publish(journal));
        } catch (RuntimeException e) {
            journal.rollback(e);
            String before = afterDatabase ? "The database was restored and proven, but its files" : "The files";
            String after = afterDatabase ? " To place them, run the same 'ferry restore' with --files-to/--secret-to and"
                    + " without --to." : "";
            ErrorCode code = e instanceof FerryException fe ? fe.code() : ErrorCode.IO_FAILED;
            throw new FerryException(code, before + " could not be moved into place, and every file already moved was put"
                    + " back: " + e.getMessage() + after, e);
        }
        List<String> warnings = journal.commit();
        List<RestoredFiles.Placed> placed = new ArrayList<>();
        trees.forEach(t -> placed.add(new RestoredFiles.Placed("files", t.tree().name(), t.target(), t.tree().files(),
                t.tree().bytes())));
        secrets.forEach(s -> placed.add(new RestoredFiles.Placed("secret", s.entry().name(), s.target(), 1,
                s.entry().bytes())));
        return new RestoredFiles(placed, notRestored, warnings);
    }

    /** Discards whatever was staged, unless published. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            journal.rollback(null);
        }
    }
}
