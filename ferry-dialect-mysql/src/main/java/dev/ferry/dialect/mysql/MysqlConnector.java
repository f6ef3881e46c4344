package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.NetworkTimeouts;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections with Ferry's settings. Driver options: the binary protocol (server-side prepared
 * statements) so FLOAT/DOUBLE arrive bit-exact, TINYINT(1) and YEAR as numbers, and
 * {@code jdbc:mysql:} URLs accepted. Session: time zone +00:00, utf8mb4, a strict sql_mode that keeps
 * a 0 in an AUTO_INCREMENT column and zero dates, and a long net_write_timeout for slow readers.
 */
final class MysqlConnector {
    /** The session sql_mode of every Ferry connection. */
    static final String SQL_MODE = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES,NO_ENGINE_SUBSTITUTION";

    /** Used directly, so MySQL Connector/J on the same class path cannot take jdbc:mysql: URLs. */
    private static final Driver DRIVER = new org.mariadb.jdbc.Driver();

    private MysqlConnector() {
    }

    static Connection open(ConnectionSpec spec, boolean readOnly) throws SQLException {
        Connection c = openRaw(spec);
        try {
            Sql.execute(c, "SET time_zone = '+00:00', sql_mode = '" + SQL_MODE + "', NAMES utf8mb4, "
                    + "net_write_timeout = 3600, net_read_timeout = 3600");
            c.setReadOnly(readOnly);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    static Properties properties(ConnectionSpec spec) {
        Properties p = new Properties();
        if (spec.user() != null) {
            p.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            p.setProperty("password", spec.password());
        }
        p.setProperty("permitMysqlScheme", "true");
        p.setProperty("tinyInt1isBit", "false");
        p.setProperty("yearIsDateType", "false");
        p.setProperty("useServerPrepStmts", "true");
        // a link that stops answering ends in an error, not a hang (milliseconds; the URL may set its own)
        NetworkTimeouts.putDefault(p, spec.url(), "connectTimeout", String.valueOf(NetworkTimeouts.CONNECT_SECONDS * 1000));
        NetworkTimeouts.putDefault(p, spec.url(), "socketTimeout", String.valueOf(NetworkTimeouts.READ_SECONDS * 1000));
        NetworkTimeouts.putDefault(p, spec.url(), "tcpKeepAlive", "true");
        return p;
    }

    /**
     * The URL for Connector/J, which takes {@code jdbc:mysql:} only with permitMysqlScheme in the URL
     * itself (its acceptsURL does not see properties).
     */
    static String driverUrl(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    private static Connection openRaw(ConnectionSpec spec) throws SQLException {
        try {
            Connection c = DRIVER.connect(driverUrl(spec.url()), properties(spec));
            if (c == null) {
                throw new SQLException("Connector/J does not accept the URL " + spec.redactedUrl(), "08001");
            }
            return c;
        } catch (SQLException e) {
            throw translate(spec, e);
        }
    }

    private static SQLException translate(ConnectionSpec spec, SQLException e) {
        if (e.getErrorCode() == 1045) {
            throw new FerryException(ErrorCode.AUTHENTICATION_FAILED, "Access denied connecting to " + spec
                    + "; check the user and password.", e);
        }
        if (e.getErrorCode() == 1049) {
            throw new FerryException(ErrorCode.CONNECTION_FAILED, "The database in " + spec
                    + " does not exist; create it first.", e);
        }
        if ("08000".equals(e.getSQLState()) || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            throw new FerryException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + spec + ": "
                    + e.getMessage(), e);
        }
        return e;
    }

    /**
     * The session of a restore's DDL: foreign keys unchecked until verified by query, and explicit
     * timestamp defaults where the server allows setting it.
     */
    static void restoreSession(Connection c) throws SQLException {
        Sql.execute(c, "SET foreign_key_checks = 0");
        try {
            Sql.execute(c, "SET SESSION explicit_defaults_for_timestamp = 1");
        } catch (SQLException readOnlyOnThisServer) {
            // older servers: DDL states NULL/NOT NULL and DEFAULT explicitly anyway
        }
    }
}
