package dev.ferry.bench.data;

import dev.ferry.bench.data.BenchTable.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * product_spec: the dataset's wide table, one row per product and 41 columns of every type
 * (12 short strings, 10 decimals, 8 integers, 6 booleans, 3 timestamps, a text), a third of them
 * nullable. Wide rows stress per-value overhead rather than per-row overhead.
 */
final class WideTable {
    private static final int FIRST_SALT = 100;

    private WideTable() {
    }

    static BenchTable definition() {
        List<BenchColumn> columns = new ArrayList<>();
        columns.add(BenchColumn.of("product_id", ColumnType.BIGINT, "{g}"));
        int salt = FIRST_SALT;
        for (int i = 1; i <= 12; i++, salt += 2) {
            String value = "'" + (char) ('a' + i) + "-' || ({h:" + salt + "} % 100000) || ' ' || {word:" + (salt + 1) + "}";
            columns.add(BenchColumn.varchar(name("attr", i), 60, i % 3 == 0, maybeNull(i, salt, value)));
        }
        for (int i = 1; i <= 10; i++, salt++) {
            columns.add(column(name("measure", i), ColumnType.DECIMAL, i, salt, "{dec:{h:" + salt + "} % 100000000}"));
        }
        for (int i = 1; i <= 8; i++, salt++) {
            columns.add(column(name("count", i), ColumnType.INT, i, salt, "{h:" + salt + "} % 1000000"));
        }
        for (int i = 1; i <= 6; i++, salt++) {
            columns.add(column(name("flag", i), ColumnType.BOOLEAN, i, salt, "({h:" + salt + "} % " + (i + 1) + " = 0)"));
        }
        for (int i = 1; i <= 3; i++, salt++) {
            columns.add(column(name("checked_at", i), ColumnType.TIMESTAMP, i, salt, "{ts:{h:" + salt + "} % 157680000}"));
        }
        columns.add(BenchColumn.nullable("remarks", ColumnType.TEXT, "{nullif:" + salt + ":2:{text:" + (salt + 1) + ":20:100}}"));
        return new BenchTable("product_spec", 0, 0, "product", List.copyOf(columns),
                List.of(new Reference("product_id", "product")), List.of());
    }

    private static BenchColumn column(String name, ColumnType type, int i, int salt, String value) {
        return new BenchColumn(name, type, 0, i % 3 == 0, maybeNull(i, salt, value));
    }

    /** Every third column of a kind is nullable, NULL in one row of four. */
    private static String maybeNull(int i, int salt, String value) {
        return i % 3 == 0 ? "{nullif:" + (salt + 50) + ":4:" + value + "}" : value;
    }

    private static String name(String prefix, int i) {
        return String.format(Locale.ROOT, "%s_%02d", prefix, i);
    }
}
