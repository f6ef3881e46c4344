package dev.ferry.dialect.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a test resource of SQL statements separated by lines holding only {@code ;;}. */
public final class SqlScript {
    private SqlScript() {
    }

    public static void run(Connection connection, String resource) throws SQLException {
        String text;
        try (InputStream in = SqlScript.class.getResourceAsStream("/" + resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
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

    public static void exec(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
