package dev.ferry.ops;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The found half of every table's proof: each table read back inside the unit and hashed, as many
 * at once as the target allows ({@link RestoreTarget#maxParallelReads()}); proofs come back in the
 * translation's order. A table that cannot be read back fails naming it.
 */
final class ProofPhase {
    private final RestoreTarget target;
    private final ProgressListener progress;

    ProofPhase(RestoreTarget target, ProgressListener progress) {
        this.target = target;
        this.progress = progress;
    }

    /** One proof per table of the translation, in its order; {@code expected} gives what was sent. */
    List<TableProof> run(Translation translation, Function<QualifiedName, ContentHash> expected) {
        TableReadBack readBack = new TableReadBack(target);
        int workers = Math.max(1, Math.min(target.maxParallelReads(), translation.tables().size()));
        return WorkerPool.run("prove", Collections.nCopies(workers, readBack), translation.tables(), (reader, mapping) -> {
            QualifiedName name = mapping.source().name();
            ContentHash found;
            try {
                found = reader.hash(mapping, translation.converting());
            } catch (SQLException e) {
                throw new ReadBackFailure(name, e);
            }
            ContentHash sent = expected.apply(name);
            progress.rows(name, found.rows());
            return new TableProof(name, sent.rows(), sent.hex(), found.rows(), found.hex());
        });
    }

    /** A table that could not be read back; {@link TargetUnit} reports the table and the cause. */
    static final class ReadBackFailure extends RuntimeException {
        private final transient QualifiedName table;

        ReadBackFailure(QualifiedName table, SQLException cause) {
            super("reading back table " + table + " for the proof: " + cause.getMessage(), cause);
            this.table = table;
        }

        QualifiedName table() {
            return table;
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
