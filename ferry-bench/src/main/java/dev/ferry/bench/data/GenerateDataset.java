package dev.ferry.bench.data;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -cp ferry-bench.jar dev.ferry.bench.data.GenerateDataset --url JDBC-URL [--user U]
 * [--password-env VAR] [--scale tiny|small|medium|large | --rows N] [--seed N]}: (re)creates the
 * inventory-app tables in an existing database (a SQLite file is created) and fills them
 * server-side. The same seed and scale give the same rows in every engine. Progress on standard
 * error; one {@code table<TAB>rows} line per table on standard output. Exit 1 on failure, 2 on usage.
 */
public final class GenerateDataset {
    private final Settings settings;
    private final PrintStream progress;

    /** What to build where. */
    public record Settings(String url, String user, String password, long totalRows, long seed) {
    }

    public GenerateDataset(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println("usage: GenerateDataset --url JDBC-URL [--user U] [--password-env VAR] "
                    + "[--scale tiny|small|medium|large | --rows N] [--seed N]");
            System.exit(2);
            return;
        }
        try {
            new GenerateDataset(settings, System.err).run().forEach(System.out::println);
        } catch (SQLException e) {
            System.err.println("generate: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
            System.exit(1);
        }
    }

    /** Builds the dataset; returns one {@code table<TAB>rows} line per table. */
    public List<String> run() throws SQLException {
        SqlFlavor flavor = SqlFlavor.forUrl(settings.url());
        DatasetSql sql = new DatasetSql(flavor, settings.seed(), settings.totalRows());
        long started = System.nanoTime();
        List<String> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            execute(s, flavor.sessionSettings());
            execute(s, sql.createTables());
            for (BenchTable table : Dataset.tables()) {
                long t0 = System.nanoTime();
                for (DatasetSql.Batch batch : sql.inserts(table)) {
                    s.execute(batch.sql());
                }
                progress.printf(Locale.ROOT, "generate: %-15s %,12d rows  %6.1f s%n", table.name(), sql.rows(table), seconds(t0));
                counts.add(table.name() + "\t" + sql.rows(table));
            }
            long t0 = System.nanoTime();
            execute(s, sql.finish());
            progress.printf(Locale.ROOT, "generate: indexes, foreign keys, statistics %.1f s; total %.1f s%n", seconds(t0), seconds(started));
        }
        return counts;
    }

    private static void execute(Statement s, List<String> statements) throws SQLException {
        for (String statement : statements) {
            try {
                s.execute(statement);
            } catch (SQLException e) {
                throw new SQLException(e.getMessage() + " in: " + abbreviate(statement), e.getSQLState(), e);
            }
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "...";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static Settings parse(String[] args) {
        String url = null;
        String user = null;
        String password = null;
        long rows = Scale.SMALL.totalRows();
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = required(args[i], value);
                case "--user" -> user = required(args[i], value);
                case "--password-env" -> password = System.getenv(required(args[i], value));
                case "--scale" -> rows = Scale.parse(required(args[i], value)).totalRows();
                case "--rows" -> rows = positive(args[i], required(args[i], value));
                case "--seed" -> seed = positive(args[i], required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return new Settings(url, user, password, rows, seed);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number, not '" + value + "'");
    }
}
