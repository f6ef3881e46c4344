package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import dev.ferry.dialect.postgres.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences from pg_sequences, with the column that owns them (serial: dependency 'a', identity:
 * 'i'). A null last_value in pg_sequences means nextval() was not called since creation or the last
 * RESTART (or that the user may not read it); only such sequences, when readable, are read one by
 * one for the value RESTART may have set. Unreadable ones are taken to stand at their start.
 */
final class SequenceReader {
    private static final String SQL = """
            SELECT s.schemaname, s.sequencename, s.data_type::text AS data_type, s.start_value, s.increment_by,
                   s.min_value, s.max_value, s.cycle, s.last_value, tn.nspname AS owner_schema,
                   t.relname AS owner_table, a.attname AS owner_column,
                   has_sequence_privilege(sc.oid, 'SELECT') AS readable
            FROM pg_sequences s
            JOIN pg_namespace sn ON sn.nspname = s.schemaname
            JOIN pg_class sc ON sc.relname = s.sequencename AND sc.relnamespace = sn.oid
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid
                 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
            LEFT JOIN pg_class t ON t.oid = d.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE s.schemaname = ANY (?) AND""" + Catalog.notFromExtension("pg_class", "sc.oid") + """
            ORDER BY s.schemaname, s.sequencename
            """;

    List<Sequence> read(Catalog catalog) throws SQLException {
        List<Sequence> out = new ArrayList<>();
        java.util.Set<QualifiedName> readable = new java.util.HashSet<>();
        catalog.query(SQL, rs -> {
            long start = rs.getLong("start_value");
            long last = rs.getLong("last_value");
            boolean called = !rs.wasNull();
            String ownerTable = rs.getString("owner_table");
            Sequence.ColumnRef owner = ownerTable == null ? null : new Sequence.ColumnRef(
                    new QualifiedName(rs.getString("owner_schema"), ownerTable), rs.getString("owner_column"));
            QualifiedName name = new QualifiedName(rs.getString("schemaname"), rs.getString("sequencename"));
            long position = called ? last : start;
            if (rs.getBoolean("readable")) {
                readable.add(name);
            }
            out.add(new Sequence(name, rs.getString("data_type"), start, rs.getLong("increment_by"), rs.getLong("min_value"),
                    rs.getLong("max_value"), rs.getBoolean("cycle"), position, called, owner));
        });
        List<Sequence> exact = new ArrayList<>();
        for (Sequence s : out) {
            exact.add(s.called() || !readable.contains(s.name()) ? s : withUncalledPosition(catalog, s));
        }
        return exact;
    }

    private static Sequence withUncalledPosition(Catalog catalog, Sequence s) throws SQLException {
        long[] last = {s.lastValue()};
        catalog.queryUnbound("SELECT last_value FROM " + Sql.qualified(s.name()), rs -> last[0] = rs.getLong(1));
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cycle(), last[0],
                false, s.ownedBy());
    }
}
