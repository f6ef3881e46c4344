package dev.ferry.migrate.run;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.error.SqlErrors;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.migrate.MigrationSettings;
import dev.ferry.migrate.history.History;
import dev.ferry.migrate.history.HistoryTable;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.MigrationSet;
import dev.ferry.migrate.set.MigrationSetLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An open connection to the database being migrated, with its dialect, server, history table and
 * the migration set resolved for its engine. Closing it closes the connection.
 */
public final class Session implements AutoCloseable {
    private final MigrationSettings settings;
    private final Dialect dialect;
    private final MigrationSupport support;
    private final Connection connection;
    private final ServerInfo server;
    private final HistoryTable history;

    private Session(MigrationSettings settings, Dialect dialect, Connection connection, ServerInfo server) {
        this.settings = settings;
        this.dialect = dialect;
        this.support = dialect.migrationSupport();
        this.connection = connection;
        this.server = server;
        this.history = new HistoryTable(settings.historyTable(), dialect.quote(settings.historyTable()));
    }

    /** Connects (exit 1 with the reason if it cannot) and prepares the session for migration scripts. */
    public static Session open(MigrationSettings settings) {
        return open(settings, false);
    }

    /**
     * Connects; {@code readOnly} for commands that only look (status, doctor without --fix), so a
     * health check never creates a missing SQLite file or writes anything.
     */
    public static Session open(MigrationSettings settings, boolean readOnly) {
        Dialect dialect = Dialects.forUrl(settings.database().url());
        MigrationSupport support = dialect.migrationSupport();
        Connection c;
        try {
            c = dialect.connect(settings.database(), readOnly);
        } catch (SQLException e) {
            throw SqlErrors.wrap(e, ErrorCode.CONNECTION_FAILED, "Cannot connect to " + settings.database(),
                    settings.database().password());
        }
        try {
            support.prepareSession(c);
            return new Session(settings, dialect, c, dialect.describe(c));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof SQLException se ? failure(settings, se, "Cannot prepare the session on " + settings.database())
                    : (RuntimeException) e;
        }
    }

    /** The migrations for this engine, read from the settings' location. */
    public List<Migration> migrations() {
        MigrationSet set = new MigrationSetLoader(settings.classLoader()).load(settings.location());
        return set.resolve(support.scriptVariants(server), settings.classLoader());
    }

    public History readHistory() {
        try {
            return history.read(connection);
        } catch (SQLException e) {
            throw failure("Cannot read the migration history table " + history.name(), e);
        }
    }

    /** A new connection for the migration lock, held while the lock is. */
    public Connection openLockConnection() {
        try {
            return dialect.connect(settings.database(), false);
        } catch (SQLException e) {
            throw failure("Cannot open a second connection for the migration lock", e);
        }
    }

    /** Wraps a driver exception with context and without the password. */
    public FerryException failure(String context, SQLException e) {
        return failure(settings, e, context);
    }

    private static FerryException failure(MigrationSettings settings, SQLException e, String context) {
        return SqlErrors.wrap(e, ErrorCode.MIGRATION_FAILED, context, settings.database().password());
    }

    public MigrationSettings settings() {
        return settings;
    }

    public Dialect dialect() {
        return dialect;
    }

    public MigrationSupport support() {
        return support;
    }

    public Connection connection() {
        return connection;
    }

    public ServerInfo server() {
        return server;
    }

    public HistoryTable history() {
        return history;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    static void closeQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
