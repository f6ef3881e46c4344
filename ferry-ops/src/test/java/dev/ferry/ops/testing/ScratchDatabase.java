package dev.ferry.ops.testing;

import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database on a real engine for one test, dropped on close. PostgreSQL and MariaDB
 * use the local servers (127.0.0.1, see DEVELOPERS.md); when a server is down the test is skipped on
 * a developer machine but <em>fails</em> under {@code CI=true}.
 */
public final class ScratchDatabase implements AutoCloseable {
    public static final String PG_ADMIN_URL = env("FERRY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("FERRY_TEST_PG_USER", "postgres");
    public static final String MARIADB_ADMIN_URL = env("FERRY_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    public static final String MARIADB_USER = env("FERRY_TEST_MARIADB_USER", "root");

    private final ConnectionSpec spec;
    private final Runnable dropper;

    private ScratchDatabase(ConnectionSpec spec, Runnable dropper) {
        this.spec = spec;
        this.dropper = dropper;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** A JDBC connection to the scratch database, for test set-up and assertions. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(spec.url(), spec.user(), spec.password());
    }

    public static ScratchDatabase postgres() {
        String name = uniqueName();
        admin(PG_ADMIN_URL, PG_USER, "CREATE DATABASE " + name);
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new ScratchDatabase(new ConnectionSpec(url, PG_USER, null),
                () -> admin(PG_ADMIN_URL, PG_USER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public static ScratchDatabase mariadb() {
        String name = uniqueName();
        admin(MARIADB_ADMIN_URL, MARIADB_USER, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        String url = MARIADB_ADMIN_URL.substring(0, MARIADB_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new ScratchDatabase(new ConnectionSpec(url, MARIADB_USER, null),
                () -> admin(MARIADB_ADMIN_URL, MARIADB_USER, "DROP DATABASE IF EXISTS " + name));
    }

    /** A new SQLite file in a temporary directory (the file itself is not created yet). */
    public static ScratchDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("ferry-sqlite-");
            Path file = dir.resolve("db.sqlite");
            return new ScratchDatabase(ConnectionSpec.of("jdbc:sqlite:" + file), () -> deleteTree(dir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dropper.run();
    }

    private static String uniqueName() {
        return "ferry_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            serverUnavailable(url, e);
        }
    }

    /** Skips the test on a developer machine; fails it under CI=true, where every server must be up. */
    static void serverUnavailable(String url, SQLException e) {
        String message = "Test server at " + url + " unavailable: " + e.getMessage();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: servers must be running; .ci/run starts them)", e);
        }
        Assumptions.abort(message);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort for a temp directory
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
