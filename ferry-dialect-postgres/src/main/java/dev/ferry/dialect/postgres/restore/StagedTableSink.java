package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.spi.RowSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's load into the staging schema, on a worker connection of its own: COPY FREEZE (see
 * {@link CopyRowSink#openFrozen}), then, in the
 * same transaction while other workers still load, the table's primary key, checks, unique
 * constraints and indexes (built once over all the rows, as pg_restore does). Foreign keys wait for
 * every table ({@link StagedRestoreTarget#finishSchema}). A refused row or constraint names the
 * table as the archive names it, not its staging copy.
 */
final class StagedTableSink implements RowSink {
    private final QualifiedName original;
    private final Table staged;
    private final StagingConnections pool;
    private final Connection connection;
    private final CopyRowSink copy;
    private boolean finished;

    private StagedTableSink(QualifiedName original, Table staged, StagingConnections pool, Connection connection, CopyRowSink copy) {
        this.original = original;
        this.staged = staged;
        this.pool = pool;
        this.connection = connection;
        this.copy = copy;
    }

    static StagedTableSink open(QualifiedName original, Table staged, StagingConnections pool) throws SQLException {
        Connection c = pool.borrow();
        try {
            return new StagedTableSink(original, staged, pool, c, CopyRowSink.openFrozen(c, staged));
        } catch (SQLException e) {
            pool.discard(c);
            throw RestoreErrors.failed("Loading rows into " + original, e);
        }
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        try {
            copy.accept(row);
        } catch (SQLException e) {
            throw RestoreErrors.failed(loading(), e);
        }
    }

    @Override
    public void finish() throws SQLException {
        try {
            copy.finish();
        } catch (SQLException e) {
            throw RestoreErrors.failed(loading(), e);
        }
        for (String[] step : afterLoad(staged, original)) {
            try (Statement s = connection.createStatement()) {
                s.execute(step[1]);
            } catch (SQLException e) {
                throw RestoreErrors.failed(step[0], e);
            }
        }
        connection.commit();
        finished = true;
        pool.giveBack(connection);
    }

    /** The step name and statement of everything built right after the rows: keys, checks, indexes. */
    static List<String[]> afterLoad(Table t, QualifiedName name) {
        List<String[]> out = new ArrayList<>();
        if (t.primaryKey() != null) {
            out.add(new String[] {"Adding the primary key of " + name, Ddl.addPrimaryKey(t)});
        }
        for (CheckConstraint c : t.checks()) {
            out.add(new String[] {"Adding check constraint " + c.name() + " on " + name, Ddl.addCheck(t, c)});
        }
        for (UniqueConstraint u : t.uniques()) {
            out.add(new String[] {"Adding unique constraint " + u.name() + " on " + name, Ddl.addUnique(t, u)});
        }
        for (Index i : t.indexes()) {
            out.add(new String[] {"Creating index " + i.name() + " on " + name, Ddl.createIndex(t, i)});
        }
        return out;
    }

    private String loading() {
        return "Loading rows into " + original + " (" + copy.rows() + " rows sent)";
    }

    /** Without {@link #finish}, abandons the COPY and the connection. */
    @Override
    public void close() throws SQLException {
        if (!finished) {
            pool.discard(connection);
        }
    }
}
