package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads views, routines and triggers. Their text comes from SHOW CREATE, which writes names without
 * the database qualifier (information_schema.VIEWS would pin them to the source database) and is
 * stripped of its DEFINER clause so the restoring user becomes the definer.
 */
final class ObjectReader {
    private static final Pattern DEFINER = Pattern.compile(
            "\\s+DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'[^']*'|[^\\s@]+)(?:@(?:`(?:[^`]|``)*`|'[^']*'|[^\\s]+))?",
            Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final String database;

    ObjectReader(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    List<View> views() throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String name : names("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            String create = showCreate("SHOW CREATE VIEW " + Sql.qualified(database, name), 2);
            definitions.put(name, viewBody(create, name));
        }
        List<View> views = new ArrayList<>();
        for (String name : ViewOrder.sort(definitions)) {
            views.add(new View(QualifiedName.of(name), definitions.get(name), false));
        }
        return views;
    }

    /** Routines first (views and triggers may call them), then triggers in creation order. */
    List<NativeObject> nativeObjects() throws SQLException {
        List<NativeObject> objects = new ArrayList<>();
        for (String[] r : pairs("SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES "
                + "WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_TYPE, ROUTINE_NAME")) {
            String kind = r[1].toLowerCase(java.util.Locale.ROOT);
            String create = showCreate("SHOW CREATE " + r[1] + " " + Sql.qualified(database, r[0]), 3);
            if (create == null) {
                throw new FerryException(ErrorCode.PERMISSION_DENIED, "The user may run " + kind + " " + r[0] + " but not read"
                        + " its definition, so the backup would lack it. Grant SELECT ON mysql.proc (MariaDB before 11.3) or"
                        + " SHOW CREATE ROUTINE (MariaDB 11.3+, MySQL) to the user, or back up as the routine's definer.");
            }
            objects.add(new NativeObject(kind, QualifiedName.of(r[0]), withoutDefiner(create)));
        }
        for (String[] t : pairs("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
                + "WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER")) {
            String create = showCreate("SHOW CREATE TRIGGER " + Sql.qualified(database, t[0]), 3);
            objects.add(new NativeObject("trigger", QualifiedName.of(t[0]), withoutDefiner(create)));
        }
        return objects;
    }

    static String withoutDefiner(String create) {
        return create == null ? null : DEFINER.matcher(create).replaceFirst("");
    }

    /** The query after {@code VIEW `name` AS }, with any qualifier naming the source database removed. */
    String viewBody(String create, String name) {
        String marker = "VIEW " + Sql.quote(name) + " AS ";
        int at = create.indexOf(marker);
        String body = at < 0 ? create.substring(create.indexOf(" AS ") + 4) : create.substring(at + marker.length());
        return body.replace(Sql.quote(database) + ".", "");
    }

    private String showCreate(String sql, int column) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(column) : null;
        }
    }

    private List<String> names(String sql) throws SQLException {
        return pairs(sql).stream().map(p -> p[0]).toList();
    }

    private List<String[]> pairs(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
