package dev.ferry.dialect.postgres;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.NetworkTimeouts;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.translate.PortableDefault;
import dev.ferry.dialect.postgres.introspect.PgDefaults;
import dev.ferry.dialect.postgres.introspect.PostgresIntrospector;
import dev.ferry.dialect.postgres.introspect.PrivilegeCheck;
import dev.ferry.dialect.postgres.migrate.PostgresMigrationSupport;
import dev.ferry.dialect.postgres.restore.PostgresRestoreTarget;
import dev.ferry.dialect.postgres.restore.StagedRestoreTarget;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** PostgreSQL 12 and later through PgJDBC; tested on 15 and, restoring across majors, on 12 and 17. */
public final class PostgresDialect implements Dialect {
    /**
     * Session settings every Ferry connection runs with: values print in one exact, parseable form,
     * and no server-side timeout kills a long COPY or a snapshot worker waiting its turn. The server's
     * TCP keep-alive probes after a minute of silence (every 10 s, 6 times): when the link to a failed
     * or killed Ferry dies without a reset, its open transaction and locks go within about two minutes
     * instead of the system default of over two hours (ignored on Unix-domain sockets).
     */
    static final List<String> SESSION_SETTINGS = List.of(
            "SET TIME ZONE 'UTC'", "SET DateStyle = 'ISO, YMD'", "SET IntervalStyle = 'postgres'",
            "SET extra_float_digits = 3", "SET bytea_output = 'hex'", "SET statement_timeout = 0",
            "SET idle_in_transaction_session_timeout = 0", "SET tcp_keepalives_idle = 60",
            "SET tcp_keepalives_interval = 10", "SET tcp_keepalives_count = 6");

    private static final MigrationSupport MIGRATIONS = new PostgresMigrationSupport();

    @Override
    public String id() {
        return "postgresql";
    }

    /** The most row data one fetch may hold; a single row larger than this is refused by the driver. */
    static final long FETCH_BUFFER_BYTES = Runtime.getRuntime().maxMemory() / 8;

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:postgresql:");
    }

    @Override
    public Connection connect(ConnectionSpec spec, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        if (spec.user() != null) {
            props.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            props.setProperty("password", spec.password());
        }
        props.setProperty("ApplicationName", "ferry");
        // text results only: values are parsed from the server's exact output text (PostgresRowCursor)
        props.setProperty("binaryTransfer", "false");
        // bounded fetches whatever the row width: each holds about an eighth of the heap (PostgresRowCursor)
        props.setProperty("adaptiveFetch", "true");
        props.setProperty("adaptiveFetchMaximum", "10000");
        props.setProperty("maxResultBuffer", String.valueOf(FETCH_BUFFER_BYTES));
        // a link that stops answering ends in an error, not a hang (seconds; the URL may set its own)
        NetworkTimeouts.putDefault(props, spec.url(), "connectTimeout", String.valueOf(NetworkTimeouts.CONNECT_SECONDS));
        NetworkTimeouts.putDefault(props, spec.url(), "socketTimeout", String.valueOf(NetworkTimeouts.READ_SECONDS));
        NetworkTimeouts.putDefault(props, spec.url(), "tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(spec.url(), props);
        try (Statement s = connection.createStatement()) {
            for (String setting : SESSION_SETTINGS) {
                s.execute(setting);
            }
            if (readOnly) {
                s.execute("SET default_transaction_read_only = on");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.setReadOnly(readOnly);
        return connection;
    }

    @Override
    public ServerInfo describe(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return new ServerInfo(id(), meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), connection.getCatalog());
    }

    @Override
    public String quote(String identifier) {
        return Sql.quote(identifier);
    }

    @Override
    public Snapshot openSnapshot(ConnectionSpec source, int workers) throws SQLException {
        return PostgresSnapshot.open(this, source, Math.max(1, workers));
    }

    @Override
    public Schema introspect(Connection connection, List<String> namespaces) throws SQLException {
        return new PostgresIntrospector(connection).introspect(namespaces);
    }

    @Override
    public void requireReadable(Connection connection, Schema schema) throws SQLException {
        PrivilegeCheck.requireReadable(connection, schema);
    }

    @Override
    public RowCursor readRows(Connection connection, Table table) throws SQLException {
        return CopyRowCursor.open(connection, table);
    }

    /** A {@code LIMIT 1} query: reading a COPY to its first row would read the whole table. */
    @Override
    public boolean hasRows(Connection connection, Table table) throws SQLException {
        try (Statement s = connection.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM ONLY " + Sql.qualified(table.name()) + " LIMIT 1")) {
            return rs.next();
        }
    }

    @Override
    public RestoreTarget openRestore(ConnectionSpec target) throws SQLException {
        return new PostgresRestoreTarget(this, connect(target, false));
    }

    /** With more than one job, a staged restore (see {@link StagedRestoreTarget}); else one transaction. */
    @Override
    public RestoreTarget openRestore(ConnectionSpec target, int jobs) throws SQLException {
        return jobs > 1 ? new StagedRestoreTarget(this, target, jobs) : openRestore(target);
    }

    @Override
    public dev.ferry.core.spi.MergeSql mergeSql() {
        return new PostgresMergeSql(this);
    }

    @Override
    public MigrationSupport migrationSupport() {
        return MIGRATIONS;
    }

    @Override
    public PortableDefault portableDefault(Column column) {
        return PgDefaults.read(column.defaultExpression());
    }

    /**
     * PostgreSQL 14 and later end a session idle (outside a transaction) for longer than
     * {@code idle_session_timeout}, freeing its advisory locks, also when its link froze somewhere TCP
     * keep-alive cannot see (a stalled proxy still answers the probes). Older servers rely on keep-alive.
     */
    @Override
    public void leaseSession(Connection c, java.time.Duration lease) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (Statement s = c.createStatement()) {
                s.execute("SET idle_session_timeout = '" + lease.toSeconds() + "s'");
            }
        }
    }
}
