package dev.ferry.dialect.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a test resource of SQL statements separated by lines holding only {@code ;;}. */
public final class SqlScript {
    /** The kitchen sink part that every supported major runs (PostgreSQL 12 and later). */
    static final String KITCHEN_SINK_PG12 = "kitchen-sink.sql";
    private static final String BIG_ROWS = "generate_series(1, 200000)";

    private SqlScript() {
    }

    /** The whole kitchen sink, for PostgreSQL 15 and later: the PG 12 part plus the features of 14 and 15. */
    public static void runKitchenSink(Connection connection) throws SQLException {
        runKitchenSink(connection, 200_000);
    }

    /** The whole kitchen sink with {@code bigRows} rows in {@code public.big}. */
    public static void runKitchenSink(Connection connection, int bigRows) throws SQLException {
        runKitchenSinkPg12(connection, bigRows);
        run(connection, "kitchen-sink-pg15.sql");
    }

    /**
     * The kitchen sink's PostgreSQL 12 part with {@code bigRows} rows in {@code public.big} instead of
     * 200,000, for tests that make several round trips.
     */
    static void runKitchenSinkPg12(Connection connection, int bigRows) throws SQLException {
        String text = resource(KITCHEN_SINK_PG12);
        if (!text.contains(BIG_ROWS)) {
            throw new IllegalStateException(KITCHEN_SINK_PG12 + " no longer fills public.big with " + BIG_ROWS);
        }
        runText(connection, text.replace(BIG_ROWS, "generate_series(1, " + bigRows + ")"));
    }

    public static void run(Connection connection, String resource) throws SQLException {
        runText(connection, resource(resource));
    }

    public static void exec(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String resource(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static void runText(Connection connection, String text) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : text.split("(?m)^;;\\s*$")) {
                String sql = statement.replaceAll("(?m)^--.*$", "").strip();
                if (!sql.isEmpty()) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException("in statement: " + sql, e);
                    }
                }
            }
        }
    }
}
