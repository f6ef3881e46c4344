package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** SQLite through xerial sqlite-jdbc. See the package documentation for the guarantees. */
public final class SqliteDialect implements Dialect {
    private static final MigrationSupport MIGRATIONS = new SqliteMigrationSupport();

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(SqliteFiles.PREFIX);
    }

    @Override
    public Connection connect(ConnectionSpec spec, boolean readOnly) throws SQLException {
        Path file = SqliteFiles.path(spec.url());
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        if (readOnly) {
            if (!Files.isRegularFile(file)) {
                throw new FerryException(ErrorCode.CONNECTION_FAILED, "SQLite database file " + file
                        + " does not exist. Check the path in the JDBC URL.");
            }
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
        } else {
            config.enforceForeignKeys(false);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config.createConnection(SqliteFiles.PREFIX + file);
    }

    /** The lock file beside the database ({@link SqliteFileLock}); nothing is written into the database. */
    @Override
    public LockAttempt tryTargetLock(ConnectionSpec target) throws SQLException {
        return SqliteFileLock.tryLock(SqliteFiles.path(target.url()));
    }

    @Override
    public ServerInfo describe(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            String url = connection.getMetaData().getURL();
            return new ServerInfo(id(), "SQLite", rs.getString(1), SqliteFiles.path(url).getFileName().toString());
        }
    }

    @Override
    public String quote(String identifier) {
        return quoteIdentifier(identifier);
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public Snapshot openSnapshot(ConnectionSpec source, int workers) throws SQLException {
        Path file = SqliteFiles.path(source.url());
        UnopenedWalSource unopened = Files.isRegularFile(file) ? UnopenedWalSource.of(file) : null;
        if (unopened == null) {
            return SqliteSnapshot.open(connect(source, true), null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return SqliteSnapshot.open(config.createConnection(unopened.url()), unopened);
    }

    @Override
    public Schema introspect(Connection connection, List<String> namespaces) throws SQLException {
        return new SqliteIntrospector(connection).read();
    }

    @Override
    public RowCursor readRows(Connection connection, Table table) throws SQLException {
        return SqliteRowCursor.open(connection, table);
    }

    @Override
    public RestoreTarget openRestore(ConnectionSpec target) {
        return new SqliteRestoreTarget(this, target);
    }

    @Override
    public dev.ferry.core.spi.MergeSql mergeSql() {
        return new SqliteMergeSql(this);
    }

    @Override
    public MigrationSupport migrationSupport() {
        return MIGRATIONS;
    }
}
