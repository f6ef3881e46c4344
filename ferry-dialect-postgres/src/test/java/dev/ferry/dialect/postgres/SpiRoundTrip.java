package dev.ferry.dialect.postgres;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.plan.ForeignKeyGraph;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.value.ContentHash;
import dev.ferry.core.value.RowHasher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A backup-and-restore through the dialect SPI only, as ferry-ops will drive it. */
final class SpiRoundTrip {
    private final Dialect dialect;

    SpiRoundTrip(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The content hash of every table, read with {@link Dialect#readRows}. */
    Map<QualifiedName, ContentHash> hashes(Connection source, Schema schema) throws SQLException {
        Map<QualifiedName, ContentHash> out = new TreeMap<>();
        for (Table t : schema.tables()) {
            try (RowCursor cursor = dialect.readRows(source, t)) {
                out.put(t.name(), hash(cursor));
            }
        }
        return out;
    }

    static ContentHash hash(RowCursor cursor) throws SQLException {
        RowHasher hasher = new RowHasher();
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
            hasher.add(row);
        }
        return hasher.hash();
    }

    /** Restores {@code schema} with rows read live from {@code source}; returns the hashes read back before commit. */
    Map<QualifiedName, ContentHash> restore(Connection source, Schema schema, ConnectionSpec target, boolean clean)
            throws SQLException {
        try (RestoreTarget restore = dialect.openRestore(target)) {
            try {
                restore.existingObjects();
                restore.begin(clean);
                restore.createTables(schema);
                for (Table t : new ForeignKeyGraph(schema.tables()).loadOrder()) {
                    copy(source, t, restore);
                }
                restore.finishSchema(schema);
                Map<QualifiedName, ContentHash> out = new TreeMap<>();
                for (Table t : schema.tables()) {
                    try (RowCursor cursor = restore.read(t)) {
                        out.put(t.name(), hash(cursor));
                    }
                }
                restore.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                restore.rollback();
                throw e;
            }
        }
    }

    private void copy(Connection source, Table t, RestoreTarget restore) throws SQLException {
        try (RowCursor cursor = dialect.readRows(source, t); RowSink sink = restore.load(t)) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                sink.accept(row);
            }
            sink.finish();
        }
    }

    /**
     * Tables without the fields that legitimately differ after a restore: the row estimate, and an
     * identity's next value, which the restore moves past the largest loaded key.
     */
    static List<Table> comparable(Schema schema) {
        List<Table> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            List<Column> columns = t.columns().stream().map(SpiRoundTrip::withoutNextValue).toList();
            out.add(new Table(t.name(), columns, t.primaryKey(), t.uniques(), t.foreignKeys(), t.indexes(), t.checks(),
                    t.options(), t.comment(), 0));
        }
        return out;
    }

    private static Column withoutNextValue(Column c) {
        Identity i = c.identity();
        if (i == null) {
            return c;
        }
        return new Column(c.name(), c.type(), c.nullable(), c.defaultExpression(),
                new Identity(i.generation(), i.sequence(), i.start(), i.increment(), null), c.generatedExpression(),
                c.generatedStored(), c.collation(), c.comment());
    }
}
