package dev.ferry.bench.data;

import java.util.List;

/** PostgreSQL: generate_series, foreign keys validated after the load, unlogged commits while loading. */
final class PostgresFlavor implements SqlFlavor {

    @Override
    public List<String> sessionSettings() {
        return List.of("SET synchronous_commit = off", "SET maintenance_work_mem = '256MB'");
    }

    @Override
    public String type(BenchColumn column, boolean primaryKey) {
        return switch (column.type()) {
            case BIGINT -> "bigint";
            case INT -> "integer";
            case VARCHAR -> "varchar(" + column.length() + ")";
            case TEXT -> "text";
            case DECIMAL -> "numeric(12,4)";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "timestamp";
            case BLOB -> "bytea";
        };
    }

    @Override
    public boolean foreignKeysInCreateTable() {
        return false;
    }

    @Override
    public String dropTableIfExists(String table) {
        return "DROP TABLE IF EXISTS " + table + " CASCADE";
    }

    @Override
    public String insertSelect(String table, String columns, String expressions, long from, long to) {
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + expressions
                + " FROM generate_series(" + from + "::bigint, " + to + "::bigint) AS s(g)";
    }

    @Override
    public String timestamp(String seconds) {
        return "(TIMESTAMP '2020-01-01 00:00:00' + (" + seconds + ") * INTERVAL '1 second')";
    }

    @Override
    public String integer(String expression) {
        return "CAST(" + expression + " AS integer)";
    }

    @Override
    public String bytes(String text) {
        return "convert_to(" + text + ", 'UTF8')";
    }

    @Override
    public List<String> analyze(List<String> tables) {
        return List.of("ANALYZE");
    }
}
