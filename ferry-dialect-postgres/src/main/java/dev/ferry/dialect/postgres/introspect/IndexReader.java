package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes that do not back a primary key, unique or exclusion constraint (nor are a partition's
 * copy of its parent's index), with their key parts,
 * access method, predicate and the full pg_get_indexdef() statement.
 */
final class IndexReader {
    private static final String SQL = """
            SELECT n.nspname, c.relname, ic.relname AS index_name, i.indisunique, am.amname,
                   pg_get_expr(i.indpred, i.indrelid) AS predicate, pg_get_indexdef(i.indexrelid) AS definition,
                   ARRAY(SELECT a.attname FROM generate_series(1, i.indnkeyatts) k(num)
                         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.num - 1]
                         ORDER BY k.num) AS part_columns,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.num, false) FROM generate_series(1, i.indnkeyatts) k(num)
                         ORDER BY k.num) AS part_texts,
                   ARRAY(SELECT ((i.indoption[k.num - 1] & 1) = 1)::text FROM generate_series(1, i.indnkeyatts) k(num)
                         ORDER BY k.num) AS part_desc
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                              AND con.contype IN ('p', 'u', 'x'))
            ORDER BY n.nspname, c.relname, ic.relname
            """;

    Map<QualifiedName, List<Index>> read(Catalog catalog) throws SQLException {
        Map<QualifiedName, List<Index>> out = new HashMap<>();
        catalog.query(SQL, rs -> out.computeIfAbsent(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                k -> new ArrayList<>()).add(index(rs)));
        return out;
    }

    /**
     * pg_get_indexdef() spells a partitioned table's index {@code ON ONLY}, which would create it on
     * the parent alone; without ONLY it is created on every partition too, as the source had it.
     */
    static String recursive(String definition) {
        return definition.replaceFirst(" ON ONLY ", " ON ");
    }

    private static Index index(ResultSet rs) throws SQLException {
        List<String> columns = Catalog.strings(rs, "part_columns");
        List<String> texts = Catalog.strings(rs, "part_texts");
        List<String> descending = Catalog.strings(rs, "part_desc");
        List<Index.Part> parts = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            boolean expression = columns.get(k) == null;
            parts.add(new Index.Part(expression ? texts.get(k) : columns.get(k), expression,
                    Boolean.parseBoolean(descending.get(k))));
        }
        return new Index(rs.getString("index_name"), rs.getBoolean("indisunique"), parts, rs.getString("amname"),
                rs.getString("predicate"), recursive(rs.getString("definition")));
    }
}
