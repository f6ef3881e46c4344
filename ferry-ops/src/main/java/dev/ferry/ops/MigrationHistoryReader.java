package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the migration histories of the common tools among the tables of a schema and records, per
 * module, the latest applied migration: Flyway ({@code flyway_schema_history}: the successful row
 * with the highest installed_rank), Liquibase ({@code databasechangelog}: per changelog file, the
 * highest orderexecuted), Alembic ({@code alembic_version}: every head) and Django
 * ({@code django_migrations}: per app, the highest id). Rows are streamed; memory holds one entry
 * per module.
 */
public final class MigrationHistoryReader {
    private final Dialect dialect;
    private final Connection connection;

    public MigrationHistoryReader(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    /** The histories found among {@code tables}, each with the latest applied version per module. */
    public List<Manifest.MigrationHistory> read(List<Table> tables) throws SQLException {
        List<Manifest.MigrationHistory> out = new ArrayList<>();
        for (Table t : tables) {
            String name = t.name().name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "flyway_schema_history" -> out.add(latest("flyway", t, null, "installed_rank", "version", "success"));
                case "databasechangelog" -> out.add(latest("liquibase", t, "filename", "orderexecuted", "id", null));
                case "alembic_version" -> out.add(latest("alembic", t, "version_num", null, "version_num", null));
                case "django_migrations" -> out.add(latest("django", t, "app", "id", "name", null));
                default -> { }
            }
        }
        out.removeIf(h -> h.latest().isEmpty());
        return out;
    }

    /** Per module (or one module when {@code moduleCol} is null), the version of the row with the highest order. */
    private Manifest.MigrationHistory latest(String tool, Table t, String moduleCol, String orderCol, String versionCol,
                                             String successCol) throws SQLException {
        List<Column> cols = t.loadedColumns();
        int module = index(cols, moduleCol);
        int order = index(cols, orderCol);
        int version = index(cols, versionCol);
        int success = index(cols, successCol);
        if (version < 0 || (orderCol != null && order < 0)) {
            return new Manifest.MigrationHistory(tool, t.name(), List.of());
        }
        Map<String, Object[]> best = new TreeMap<>();
        try (RowCursor rows = dialect.readRows(connection, t)) {
            Object[] row;
            while ((row = rows.next()) != null) {
                if (success >= 0 && !isTrue(row[success])) {
                    continue;
                }
                String key = module < 0 ? (orderCol == null ? String.valueOf(row[version]) : tool) : String.valueOf(row[module]);
                Object[] prev = best.get(key);
                if (prev == null || (order >= 0 && compare(row[order], prev[0]) > 0)) {
                    best.put(key, new Object[] {order < 0 ? null : row[order], String.valueOf(row[version])});
                }
            }
        }
        List<Manifest.Applied> latest = new ArrayList<>();
        best.forEach((k, v) -> latest.add(new Manifest.Applied(k, (String) v[1])));
        return new Manifest.MigrationHistory(tool, t.name(), latest);
    }

    private static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || (v instanceof Number n && n.longValue() != 0) || "1".equals(v) || "t".equals(v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static int index(List<Column> cols, String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
