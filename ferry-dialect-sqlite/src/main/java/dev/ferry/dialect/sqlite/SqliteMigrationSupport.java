package dev.ferry.dialect.sqlite;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.change.SchemaChange.AddColumn;
import dev.ferry.core.change.SchemaChange.RenameColumn;
import dev.ferry.core.change.StandardChangeSql;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.script.ScriptStatement;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Throwaway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite migrations: transactional DDL, the target lock file and a lock row with heartbeat ({@link SqliteLockRow}), trigger-aware
 * splitting, and portable changes made in place where SQLite can (RENAME COLUMN, a nullable or
 * defaulted ADD COLUMN) and by a generated table rebuild ({@link SqliteRebuild}) everywhere else.
 * Before each migration commits, every foreign key and every view is checked.
 */
final class SqliteMigrationSupport implements MigrationSupport {
    private static final StandardChangeSql STANDARD = new StandardChangeSql(SqliteDialect::quoteIdentifier);

    @Override
    public List<String> scriptVariants(ServerInfo server) {
        return List.of("sqlite");
    }

    @Override
    public List<ScriptStatement> splitStatements(String script) {
        return new SqliteScriptSplitter().split(script);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public LockAttempt tryLock(Connection lockConnection, String name, Duration staleAfter) throws SQLException {
        LockAttempt file = SqliteFileLock.tryLock(databaseFile(lockConnection));
        if (!file.isAcquired()) {
            return file;
        }
        try {
            LockAttempt row = SqliteLockRow.tryLock(lockConnection, name, staleAfter);
            if (!row.isAcquired()) {
                file.lock().close();
                return row;
            }
            return LockAttempt.acquired(new FileAndRowLock(file.lock(), row.lock()));
        } catch (SQLException | RuntimeException e) {
            file.lock().close();
            throw e;
        }
    }

    private static java.nio.file.Path databaseFile(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if ("main".equals(rs.getString("name"))) {
                    return java.nio.file.Path.of(rs.getString("file")).toAbsolutePath().normalize();
                }
            }
        }
        throw new SQLException("PRAGMA database_list names no main database");
    }

    /**
     * The file lock that restores and transfers take too ({@link SqliteFileLock}), then the lock row
     * with its heartbeat and takeover of abandoned rows ({@link SqliteLockRow}).
     */
    private record FileAndRowLock(dev.ferry.core.spi.MigrationLock file, dev.ferry.core.spi.MigrationLock row)
            implements dev.ferry.core.spi.MigrationLock {
        @Override
        public void touch(Connection migrationConnection) throws SQLException {
            row.touch(migrationConnection);
        }

        @Override
        public String recoveredFrom() {
            return row.recoveredFrom();
        }

        @Override
        public void close() {
            row.close();
            file.close();
        }
    }

    @Override
    public List<String> changeSql(Connection connection, SchemaChange change) throws SQLException {
        if (change instanceof RenameColumn || change instanceof AddColumn a && inPlace(a)) {
            return STANDARD.sql(change);
        }
        return new SqliteRebuild(connection).sql(change);
    }

    /** SQLite adds a column in place unless it is NOT NULL without a default, or a key. */
    private static boolean inPlace(AddColumn c) {
        String type = c.type().toUpperCase(Locale.ROOT);
        return (c.nullable() || c.defaultSql() != null) && !type.contains("PRIMARY") && !type.contains("UNIQUE");
    }

    @Override
    public void checkIntegrity(Connection connection) throws SQLException {
        ForeignKeyCheck.requireNoViolations(connection, ErrorCode.MIGRATION_FAILED,
                "The migration left rows whose parent is missing; it is rolled back. Fix the data in the migration.");
        for (String view : views(connection)) {
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT * FROM " + SqliteDialect.quoteIdentifier(view) + " LIMIT 0").close();
            } catch (SQLException e) {
                throw new FerryException(ErrorCode.MIGRATION_FAILED, "View " + view + " no longer works after this migration ("
                        + e.getMessage() + "); drop and recreate it in the same migration. The migration is rolled back.", e);
            }
        }
    }

    private static List<String> views(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'view'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public Throwaway openThrowaway(ConnectionSpec live) {
        try {
            Path dir = Files.createTempDirectory("ferry-doctor-");
            Path file = dir.resolve("expected.db");
            return new Throwaway(ConnectionSpec.of(SqliteFiles.PREFIX + file), "temporary SQLite file " + file, () -> {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory; the system cleans it eventually
                }
            });
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot create a temporary SQLite file: " + e.getMessage(), e);
        }
    }
}
