package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enum types with their labels in sort order. */
final class EnumReader {
    private static final String SQL = """
            SELECT n.nspname, t.typname, e.enumlabel
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ANY (?) AND""" + Catalog.notFromExtension("pg_type", "t.oid") + """
            ORDER BY n.nspname, t.typname, e.enumsortorder
            """;

    List<EnumType> read(Catalog catalog) throws SQLException {
        Map<QualifiedName, List<String>> labels = new LinkedHashMap<>();
        catalog.query(SQL, rs -> labels.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)),
                k -> new ArrayList<>()).add(rs.getString(3)));
        return labels.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue())).toList();
    }
}
