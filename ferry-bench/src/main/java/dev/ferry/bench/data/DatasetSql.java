package dev.ferry.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that builds the dataset in one engine: drop and create the tables, INSERT ... SELECT each
 * table in batches of row numbers (server-side, nothing streams through the client), then indexes,
 * foreign keys and statistics. Pure text: unit-tested without a database.
 */
public final class DatasetSql {
    /** Rows per INSERT: bounds each statement's transaction (undo, WAL) at the large scale. */
    static final long BATCH_ROWS = 500_000;

    private final SqlFlavor flavor;
    private final long totalRows;
    private final Templates templates;

    /** One INSERT covering the row numbers {@code from..to} of a table. */
    public record Batch(String table, long from, long to, String sql) {
        public long rows() {
            return to - from + 1;
        }
    }

    public DatasetSql(SqlFlavor flavor, long seed, long totalRows) {
        this.flavor = flavor;
        this.totalRows = totalRows;
        this.templates = new Templates(flavor, seed, table -> rows(Dataset.table(table)));
    }

    public long rows(BenchTable table) {
        return Dataset.rows(table, totalRows);
    }

    public List<String> createTables() {
        List<String> sql = new ArrayList<>();
        List<BenchTable> tables = Dataset.tables();
        for (int i = tables.size() - 1; i >= 0; i--) {
            sql.add(flavor.dropTableIfExists(tables.get(i).name()));
        }
        tables.forEach(t -> sql.add(createTable(t)));
        return sql;
    }

    public List<Batch> inserts(BenchTable table) {
        String columns = table.columns().stream().map(BenchColumn::name).collect(Collectors.joining(", "));
        String expressions = table.columns().stream().map(c -> templates.expand(c.template()))
                .collect(Collectors.joining(", "));
        List<Batch> batches = new ArrayList<>();
        long rows = rows(table);
        for (long from = 1; from <= rows; from += BATCH_ROWS) {
            long to = Math.min(rows, from + BATCH_ROWS - 1);
            batches.add(new Batch(table.name(), from, to, flavor.insertSelect(table.name(), columns, expressions, from, to)));
        }
        return batches;
    }

    /** Indexes, then the foreign keys the flavor adds after the load, then statistics. */
    public List<String> finish() {
        List<String> sql = new ArrayList<>();
        for (BenchTable t : Dataset.tables()) {
            for (BenchTable.IndexDef index : t.indexes()) {
                sql.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name() + " ON " + t.name()
                        + " (" + String.join(", ", index.columns()) + ")");
            }
        }
        if (!flavor.foreignKeysInCreateTable()) {
            for (BenchTable t : Dataset.tables()) {
                t.references().forEach(r -> sql.add(flavor.addForeignKey(t.name(), foreignKeyName(t, r), r,
                        Dataset.table(r.parent()).primaryKey())));
            }
        }
        sql.addAll(flavor.analyze(Dataset.tables().stream().map(BenchTable::name).toList()));
        return sql;
    }

    private String createTable(BenchTable table) {
        List<String> parts = new ArrayList<>();
        for (BenchColumn c : table.columns()) {
            boolean key = c == table.columns().get(0);
            parts.add(c.name() + " " + flavor.type(c, key) + (key ? " PRIMARY KEY" : c.nullable() ? "" : " NOT NULL"));
        }
        if (flavor.foreignKeysInCreateTable()) {
            table.references().forEach(r -> parts.add("CONSTRAINT " + foreignKeyName(table, r) + " FOREIGN KEY (" + r.column()
                    + ") REFERENCES " + r.parent() + " (" + Dataset.table(r.parent()).primaryKey() + ")"));
        }
        return "CREATE TABLE " + table.name() + " (" + String.join(", ", parts) + ")" + flavor.tableOptions();
    }

    private static String foreignKeyName(BenchTable table, BenchTable.Reference reference) {
        return table.name() + "_" + reference.column() + "_fk";
    }
}
