package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.translate.PortableDefault;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** MariaDB and MySQL, through the MariaDB Connector/J driver. Stateless and thread-safe. */
public final class MysqlDialect implements Dialect {
    public static final String ID = "mysql";
    private static final MigrationSupport MIGRATIONS = new MysqlMigrationSupport();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    public Connection connect(ConnectionSpec spec, boolean readOnly) throws SQLException {
        return MysqlConnector.open(spec, readOnly);
    }

    @Override
    public ServerInfo describe(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE()")) {
            rs.next();
            String version = rs.getString(1);
            String product = version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            return new ServerInfo(ID, product, version, rs.getString(2));
        }
    }

    @Override
    public String quote(String identifier) {
        return Sql.quote(identifier);
    }

    @Override
    public Snapshot openSnapshot(ConnectionSpec source, int workers) throws SQLException {
        return MysqlSnapshot.open(source, workers);
    }

    @Override
    public Schema introspect(Connection connection, List<String> namespaces) throws SQLException {
        return new SchemaReader(connection, database(connection, namespaces)).read();
    }

    @Override
    public void requireReadable(Connection connection, Schema schema) throws SQLException {
        String database = schema.tables().stream().map(t -> t.name().schema()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(Sql.currentDatabase(connection));
        TriggerPrivilege.require(connection, database, schema);
    }

    @Override
    public RowCursor readRows(Connection connection, Table table) throws SQLException {
        return MysqlRowCursor.open(connection, table);
    }

    @Override
    public RestoreTarget openRestore(ConnectionSpec target) throws SQLException {
        return MysqlRestoreTarget.open(target);
    }

    @Override
    public dev.ferry.core.spi.MergeSql mergeSql() {
        return new MysqlMergeSql(this);
    }

    @Override
    public MigrationSupport migrationSupport() {
        return MIGRATIONS;
    }

    @Override
    public PortableDefault portableDefault(Column column) {
        return MysqlDefaults.read(column.defaultExpression());
    }

    /**
     * Staging ({@code ferry_stage_*}) and trash ({@code ferry_trash_*}) databases left behind by restores
     * that were killed; a restore in progress also shows here, so look before dropping one.
     */
    public List<String> leftoverStagingDatabases(Connection connection) throws SQLException {
        return TargetInventory.leftovers(connection);
    }

    private static String database(Connection connection, List<String> namespaces) throws SQLException {
        if (namespaces != null && namespaces.size() > 1) {
            throw new FerryException(ErrorCode.USAGE, "MariaDB/MySQL backups read one database at a time; got "
                    + namespaces + ". Run Ferry once per database.");
        }
        if (namespaces != null && namespaces.size() == 1) {
            return namespaces.get(0);
        }
        String current = Sql.currentDatabase(connection);
        if (current == null) {
            throw new FerryException(ErrorCode.USAGE, "The JDBC URL names no database; add one, e.g. "
                    + "jdbc:mariadb://host:3306/mydb");
        }
        return current;
    }

    /**
     * The server ends a session that sends no command for {@code wait_timeout} seconds, which also
     * ends a session whose link froze: its named locks are then freed. MariaDB has no per-session TCP
     * keep-alive, so this is what bounds how long a lost holder keeps the target lock.
     */
    @Override
    public void leaseSession(Connection c, java.time.Duration lease) throws SQLException {
        Sql.execute(c, "SET SESSION wait_timeout = " + lease.toSeconds());
    }
}
