package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names every privilege a user lacks to back up a schema: USAGE on its schemas, SELECT on its tables
 * and on its sequences (without which pg_sequences hides a sequence's position and the restored
 * sequence would start over). A role with pg_read_all_data, or SELECT granted on everything, passes.
 */
public final class PrivilegeCheck {
    private static final int SHOWN = 10;

    private PrivilegeCheck() {
    }

    public static void requireReadable(Connection connection, Schema schema) throws SQLException {
        List<String> schemas = schema.tables().stream().map(t -> t.name().schema()).filter(Objects::nonNull).distinct().toList();
        Set<String> unusable = Set.copyOf(lacking(connection, "has_schema_privilege", schemas));
        List<String> missing = new ArrayList<>(unusable.stream().sorted().map(s -> "USAGE on schema " + s).toList());
        missing.addAll(lacking(connection, "has_table_privilege", names(schema.tables().stream().map(Table::name), unusable))
                .stream().map(t -> "SELECT on table " + t).toList());
        missing.addAll(lacking(connection, "has_sequence_privilege", names(schema.sequences().stream().map(Sequence::name), unusable))
                .stream().map(q -> "SELECT on sequence " + q).toList());
        if (!missing.isEmpty()) {
            throw denied(currentUser(connection), missing);
        }
    }

    /** Quoted qualified names of objects in schemas the user may use (others are reported by schema). */
    private static List<String> names(Stream<QualifiedName> names, Set<String> unusable) {
        return names.filter(n -> !unusable.contains(n.schema())).map(Sql::qualified).toList();
    }

    /** The objects for which {@code check}(object, privilege) is false. */
    private static List<String> lacking(Connection connection, String check, List<String> objects) throws SQLException {
        String privilege = check.equals("has_schema_privilege") ? "USAGE" : "SELECT";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT o FROM unnest(?::text[]) AS o WHERE NOT " + check
                + "(o, '" + privilege + "') ORDER BY o")) {
            ps.setArray(1, connection.createArrayOf("text", objects.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static FerryException denied(String user, List<String> missing) {
        String shown = missing.stream().limit(SHOWN).collect(Collectors.joining(", "))
                + (missing.size() > SHOWN ? ", and " + (missing.size() - SHOWN) + " more" : "");
        String role = Sql.quote(user);
        return new FerryException(ErrorCode.PERMISSION_DENIED, "User " + user + " cannot read everything it would back up:"
                + " it lacks " + shown + ". Grant them (e.g. GRANT USAGE ON SCHEMA s TO " + role + "; GRANT SELECT ON ALL TABLES"
                + " IN SCHEMA s TO " + role + "; GRANT SELECT ON ALL SEQUENCES IN SCHEMA s TO " + role + "), or the read-only"
                + " role (GRANT pg_read_all_data TO " + role + ", PostgreSQL 14+), or leave tables out with --exclude-table.");
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_user"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
