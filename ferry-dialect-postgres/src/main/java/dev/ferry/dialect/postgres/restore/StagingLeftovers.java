package dev.ferry.dialect.postgres.restore;

import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Staging schemas, named {@code ferry_stage_<6 hex digits of a hash of the target schema>_<random>}.
 * The restore that creates one holds a session advisory lock on its name for as long as it runs;
 * a staging schema whose lock nobody holds was left by a restore that was killed, and the next
 * staged restore into the same database drops it and says so. Introspection, the emptiness check and
 * {@code --clean} never see staging schemas.
 */
final class StagingLeftovers {
    static final String PREFIX = "ferry_stage_";
    /** A LIKE pattern matching every staging schema name. */
    static final String LIKE = "ferry\\_stage\\_%";

    private StagingLeftovers() {
    }

    /** A fresh staging schema name for a restore into {@code namespace}. */
    static String newName(String namespace) {
        return PREFIX + String.format(Locale.ROOT, "%06x_", namespace.hashCode() & 0xFFFFFF)
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Marks {@code stage} as in use for as long as {@code connection}'s session lasts (or {@link #release}). */
    static void claim(Connection connection, String stage) throws SQLException {
        lock(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))", stage);
    }

    static void release(Connection connection, String stage) throws SQLException {
        lock(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", stage);
    }

    /** Drops every staging schema no running restore holds; returns one sentence per schema dropped. */
    static List<String> removeAbandoned(Connection connection) throws SQLException {
        List<String> notes = new ArrayList<>();
        for (String stage : existing(connection)) {
            if (lock(connection, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", stage)) {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + Sql.quote(stage) + " CASCADE");
                } finally {
                    release(connection, stage);
                }
                notes.add("Removed staging schema " + stage + ", left behind by an interrupted restore");
            }
        }
        return notes;
    }

    /** The names of the staging schemas in the connected database. */
    static List<String> existing(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? ORDER BY nspname")) {
            ps.setString(1, LIKE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean lock(Connection connection, String sql, String stage) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, stage);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object answer = rs.getObject(1);
                return !(answer instanceof Boolean b) || b;
            }
        }
    }
}
