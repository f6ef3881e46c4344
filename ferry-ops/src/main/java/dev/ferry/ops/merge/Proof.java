package dev.ferry.ops.merge;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.MergeSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge's proof, inside its transaction before the commit: per table, rows after = rows before +
 * inserted; and no foreign key of a merged table has more orphaned rows than before (none, in a target
 * that enforces its keys). Internal.
 */
final class Proof {
    private final Connection connection;
    private final MergeSql sql;
    private final Map<String, Long> orphansBefore = new HashMap<>();

    Proof(Connection connection, MergeSql sql) {
        this.connection = connection;
        this.sql = sql;
    }

    /** Counts rows and orphans before anything is written. */
    void before(MergeModel model, Map<QualifiedName, TableStats> stats) throws SQLException {
        for (MergeTable t : model.order) {
            stats.get(t.target.name()).before = sql.count(connection, t.target);
            for (MergeTable.Reference ref : t.references) {
                orphansBefore.put(ref.describe(t.target), orphans(t, ref));
            }
        }
    }

    /** Counts again after the writes; a FerryException (PROOF_MISMATCH) if anything does not add up. */
    void after(MergeModel model, Map<QualifiedName, TableStats> stats) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (MergeTable t : model.order) {
            TableStats s = stats.get(t.target.name());
            s.after = sql.count(connection, t.target);
            if (s.after != s.before + s.inserted) {
                problems.add(t.target.name() + ": " + s.after + " rows after the merge, expected " + s.before + " + "
                        + s.inserted);
            }
            for (MergeTable.Reference ref : t.references) {
                long now = orphans(t, ref);
                if (now > orphansBefore.get(ref.describe(t.target))) {
                    problems.add(ref.describe(t.target) + ": " + now + " rows reference no existing row");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.PROOF_MISMATCH, "The merge does not prove itself, so it was rolled back: "
                    + String.join("; ", problems));
        }
    }

    private long orphans(MergeTable t, MergeTable.Reference ref) throws SQLException {
        return sql.orphans(connection, t.target, ref.fk().columns(), ref.parent(), ref.fk().referencedColumns());
    }
}
