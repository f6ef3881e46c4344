package dev.ferry.ops.merge;

import dev.ferry.core.closure.KeyTuple;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.MergeSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The third pass, run only when the plan found nothing to refuse: inserts every row the plan did not
 * match, parents first, with references rewritten through the {@link KeyMap} and deferred references
 * (cycles, self-references) NULL; records each generated key the target returns; then sets the deferred
 * references, now that every row has its key. Memory: the deferred references, one small entry each.
 * Internal.
 */
final class Writer implements AutoCloseable {
    private final Connection connection;
    private final MergeSql sql;
    private final KeyMap keys;
    private final References references;
    private final Map<QualifiedName, PreparedStatement> inserts = new HashMap<>();
    private final Map<MergeTable.Reference, PreparedStatement> updates = new HashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();

    /** A reference to set after the inserts: the row's new key and the archive's values of the reference. */
    private record Deferred(MergeTable table, MergeTable.Reference ref, Object[] newKey, Object[] refValues) {
    }

    Writer(Connection connection, MergeSql sql, KeyMap keys, References references) {
        this.connection = connection;
        this.sql = sql;
        this.keys = keys;
        this.references = references;
    }

    void write(MergeModel model, ArchiveTables archive, Map<QualifiedName, TableStats> stats) throws SQLException {
        for (MergeTable t : model.order) {
            TableStats s = stats.get(t.target.name());
            archive.forEach(t.archive, row -> insert(t, row, s));
        }
        for (Deferred d : deferred) {
            update(d);
        }
    }

    private void insert(MergeTable t, Object[] row, TableStats s) throws SQLException {
        List<Object> oldKey = t.key == null ? null : KeyTuple.of(row, t.key);
        KeyMap.Target planned = keys.get(t.target.name(), oldKey);
        if (planned != null && planned.matched()) {
            return;
        }
        Object[] values = row.clone();
        List<MergeTable.Reference> later = new ArrayList<>();
        for (MergeTable.Reference ref : t.references) {
            References.Outcome o = references.resolve(ref, Rows.at(row, ref.positions()));
            if (ref.deferred() && o.kind() != References.Outcome.Kind.NULL) {
                later.add(ref);
                Rows.put(values, ref.positions(), Arrays.asList(new Object[ref.positions().length]));
            } else if (o.kind() == References.Outcome.Kind.REWRITTEN) {
                Rows.put(values, ref.positions(), o.values());
            } else if (o.kind() == References.Outcome.Kind.PENDING || o.kind() == References.Outcome.Kind.UNRESOLVABLE) {
                throw new IllegalStateException(ref.describe(t.target) + " unresolved after planning: " + o);
            }
        }
        PreparedStatement insert = statement(t);
        int index = 1;
        for (int c = 0; c < values.length; c++) {
            if (c != t.generated) {
                sql.bind(insert, index++, t.columns.get(c), values[c]);
            }
        }
        insert.executeUpdate();
        s.inserted++;
        if (t.generated >= 0) {
            values[t.generated] = KeyTuple.canonical(sql.generatedKey(insert, t.columns.get(t.generated)));
        }
        if (t.key != null) {
            keys.put(t.target.name(), oldKey, new KeyMap.Target(KeyTuple.of(values, t.key), false));
        }
        for (MergeTable.Reference ref : later) {
            deferred.add(new Deferred(t, ref, Rows.at(values, t.key), Rows.at(row, ref.positions())));
        }
    }

    private void update(Deferred d) throws SQLException {
        References.Outcome o = references.resolve(d.ref(), d.refValues());
        Object[] now = o.kind() == References.Outcome.Kind.REWRITTEN ? o.values().toArray() : d.refValues();
        List<Column> set = d.table().columnsAt(d.ref().positions());
        List<Column> where = d.table().columnsAt(d.table().key);
        PreparedStatement ps = updates.get(d.ref());
        if (ps == null) {
            ps = sql.prepareUpdate(connection, d.table().target, set, where);
            updates.put(d.ref(), ps);
        }
        int index = 1;
        for (int i = 0; i < now.length; i++) {
            sql.bind(ps, index++, set.get(i), now[i]);
        }
        for (int i = 0; i < d.newKey().length; i++) {
            sql.bind(ps, index++, where.get(i), d.newKey()[i]);
        }
        ps.executeUpdate();
    }

    private PreparedStatement statement(MergeTable t) throws SQLException {
        PreparedStatement ps = inserts.get(t.target.name());
        if (ps == null) {
            List<Column> columns = new ArrayList<>(t.columns);
            if (t.generated >= 0) {
                columns.remove(t.generated);
            }
            ps = sql.prepareInsert(connection, t.target, columns, t.generated >= 0 ? t.columns.get(t.generated) : null);
            inserts.put(t.target.name(), ps);
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : inserts.values()) {
            ps.close();
        }
        for (PreparedStatement ps : updates.values()) {
            ps.close();
        }
    }
}
