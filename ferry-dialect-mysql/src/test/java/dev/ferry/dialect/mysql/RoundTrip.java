package dev.ferry.dialect.mysql;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.plan.ForeignKeyGraph;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.value.ContentHash;
import dev.ferry.core.value.RowHasher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.TreeMap;

/** The backup/restore round trip through the SPI only, as the operations will drive it. */
final class RoundTrip {
    static final MysqlDialect DIALECT = new MysqlDialect();

    private RoundTrip() {
    }

    static Map<QualifiedName, ContentHash> hashes(Connection c, Schema schema) throws SQLException {
        Map<QualifiedName, ContentHash> out = new TreeMap<>();
        for (Table t : schema.tables()) {
            out.put(t.name(), hash(DIALECT.readRows(c, t)));
        }
        return out;
    }

    static ContentHash hash(RowCursor cursor) throws SQLException {
        try (cursor) {
            RowHasher hasher = new RowHasher();
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                hasher.add(row);
            }
            return hasher.hash();
        }
    }

    /** Restores {@code schema} with rows streamed from {@code source}; returns the hashes read back before commit. */
    static Map<QualifiedName, ContentHash> restore(Connection source, Schema schema, ConnectionSpec target, boolean clean)
            throws SQLException {
        try (RestoreTarget restore = DIALECT.openRestore(target)) {
            try {
                restore.begin(clean);
                restore.createTables(schema);
                loadInParallel(source, schema, restore);
                restore.finishSchema(schema);
                Map<QualifiedName, ContentHash> out = new TreeMap<>();
                for (Table t : schema.tables()) {
                    out.put(t.name(), hash(restore.read(t)));
                }
                restore.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                restore.rollback();
                throw e;
            }
        }
    }

    /** Loads every table, four at a time, each from its own source connection: sinks must be independent. */
    private static void loadInParallel(Connection source, Schema schema, RestoreTarget restore) throws SQLException {
        ConnectionSpec sourceSpec = spec(source);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Table t : new ForeignKeyGraph(schema.tables()).loadOrder()) {
                done.add(pool.submit(() -> {
                    try (Connection c = DIALECT.connect(sourceSpec, true)) {
                        copy(c, t, restore);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ConnectionSpec spec(Connection c) throws SQLException {
        return new ConnectionSpec(c.getMetaData().getURL().replaceAll("\\?.*$", ""), c.getMetaData().getUserName(), null);
    }

    static void copy(Connection source, Table t, RestoreTarget restore) throws SQLException {
        try (RowCursor rows = DIALECT.readRows(source, t); RowSink sink = restore.load(t)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                sink.accept(row);
            }
            sink.finish();
        }
    }

    /** The schema without what legitimately differs between two databases: row estimates. */
    static List<Table> comparable(Schema schema) {
        return schema.tables().stream().map(t -> new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(),
                t.foreignKeys(), t.indexes(), t.checks(), t.options(), t.comment(), 0)).toList();
    }

    /**
     * Staging and trash databases left by restores into {@code db}; those of other databases (other tests'
     * restores running at the same time on the shared server) are not counted.
     */
    static List<String> leftoversFor(dev.ferry.ops.testing.ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            String mine = "_" + MysqlRestoreTarget.stagingSuffix(Sql.currentDatabase(c));
            return TargetInventory.leftovers(c).stream().filter(name -> name.contains(mine)).toList();
        }
    }
}
