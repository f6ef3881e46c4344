package dev.ferry.bench.data;

import java.util.List;

/**
 * MariaDB: the Sequence engine's {@code seq_FROM_to_TO} tables as the row source, InnoDB in utf8mb4,
 * foreign-key and unique checks off while loading, {@code ||} as concatenation (PIPES_AS_CONCAT).
 */
final class MariadbFlavor implements SqlFlavor {

    @Override
    public List<String> sessionSettings() {
        return List.of("SET SESSION foreign_key_checks = 0", "SET SESSION unique_checks = 0",
                "SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT')");
    }

    @Override
    public String type(BenchColumn column, boolean primaryKey) {
        return switch (column.type()) {
            case BIGINT -> "bigint";
            case INT -> "int";
            case VARCHAR -> "varchar(" + column.length() + ")";
            case TEXT -> "text";
            case DECIMAL -> "decimal(12,4)";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "datetime";
            case BLOB -> "blob";
        };
    }

    @Override
    public boolean foreignKeysInCreateTable() {
        return false;
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    }

    @Override
    public String insertSelect(String table, String columns, String expressions, long from, long to) {
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + expressions
                + " FROM (SELECT seq AS g FROM seq_" + from + "_to_" + to + ") AS s";
    }

    @Override
    public String timestamp(String seconds) {
        return "(TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (" + seconds + ") SECOND)";
    }

    @Override
    public String bytes(String text) {
        return "CAST(" + text + " AS BINARY)";
    }

    @Override
    public List<String> analyze(List<String> tables) {
        return List.of("ANALYZE TABLE " + String.join(", ", tables));
    }
}
