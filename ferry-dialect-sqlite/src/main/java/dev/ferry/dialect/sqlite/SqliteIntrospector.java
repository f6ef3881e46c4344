package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.View;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the schema of the main database from sqlite_schema and the table PRAGMAs. */
final class SqliteIntrospector {
    private static final Pattern VIEW_BODY = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?:\"(?:[^\"]|\"\")*\"|\\[[^\\]]*\\]|`[^`]*`|[^\\s(]+)\\s*(\\([^)]*\\))?\\s*AS\\s+(.*)$");

    private final Connection connection;

    SqliteIntrospector(Connection connection) {
        this.connection = connection;
    }

    Schema read() throws SQLException {
        List<String[]> objects = objects();
        Map<String, Long> sequences = sequences(objects);
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<NativeObject> triggers = new ArrayList<>();
        for (String[] o : objects) {
            switch (o[0]) {
                case "table" -> tables.add(new SqliteTableReader(connection, o[1], o[2], sequences.get(o[1])).read());
                case "view" -> views.add(new View(QualifiedName.of(o[1]), viewBody(o[2]), false, Map.of("create_sql", o[2])));
                case "trigger" -> triggers.add(new NativeObject("trigger", QualifiedName.of(o[1]), o[2]));
                default -> { }
            }
        }
        tables.sort(Comparator.comparing(t -> t.name().name()));
        return new Schema(List.of(), List.of(), List.of(), tables, views, triggers);
    }

    /** type, name, sql of every user object, in creation (rowid) order. */
    private List<String[]> objects() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' "
                     + "ESCAPE '\\' AND sql IS NOT NULL ORDER BY rowid")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    /** sqlite_sequence: the last AUTOINCREMENT value handed out, per table. */
    private Map<String, Long> sequences(List<String[]> objects) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet exists = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")) {
            if (!exists.next()) {
                return out;
            }
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String viewBody(String sql) {
        Matcher m = VIEW_BODY.matcher(sql);
        return m.matches() && m.group(1) == null ? m.group(2) : sql;
    }
}
