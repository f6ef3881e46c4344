package dev.ferry.bench.data;

import java.util.List;

/**
 * SQLite: a recursive CTE as the row source, foreign keys declared in CREATE TABLE (SQLite cannot add
 * them later; they are not enforced while loading), no journal while generating, timestamps as
 * {@code YYYY-MM-DD HH:MM:SS} text in TIMESTAMP columns.
 */
final class SqliteFlavor implements SqlFlavor {

    @Override
    public List<String> sessionSettings() {
        return List.of("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA foreign_keys = OFF");
    }

    @Override
    public String type(BenchColumn column, boolean primaryKey) {
        if (primaryKey && column.type() == ColumnType.BIGINT) {
            return "INTEGER";
        }
        return switch (column.type()) {
            case BIGINT -> "BIGINT";
            case INT -> "INTEGER";
            case VARCHAR -> "VARCHAR(" + column.length() + ")";
            case TEXT -> "TEXT";
            case DECIMAL -> "NUMERIC(12,4)";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case BLOB -> "BLOB";
        };
    }

    @Override
    public boolean foreignKeysInCreateTable() {
        return true;
    }

    @Override
    public String insertSelect(String table, String columns, String expressions, long from, long to) {
        return "WITH RECURSIVE s(g) AS (SELECT " + from + " UNION ALL SELECT g + 1 FROM s WHERE g < " + to + ") "
                + "INSERT INTO " + table + " (" + columns + ") SELECT " + expressions + " FROM s";
    }

    @Override
    public String timestamp(String seconds) {
        return "datetime('2020-01-01 00:00:00', '+' || (" + seconds + ") || ' seconds')";
    }

    @Override
    public String bytes(String text) {
        return "CAST(" + text + " AS BLOB)";
    }

    @Override
    public List<String> analyze(List<String> tables) {
        return List.of(); // sqlite_stat4 rows from ANALYZE do not reload in a sqlite3 shell built without STAT4
    }
}
