package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.View;
import dev.ferry.core.spi.CheckpointTable;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.translate.TargetRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A restore into one SQLite file inside one IMMEDIATE transaction; see the package documentation. */
final class SqliteRestoreTarget implements RestoreTarget {
    private final SqliteDialect dialect;
    private final ConnectionSpec spec;
    private final Path file;
    private static final String CHECKPOINTS = SqliteDialect.quoteIdentifier(CheckpointTable.NAME);
    private boolean fileExisted;
    private NewDatabaseFile newFile;
    private Connection connection;
    private String archive;

    SqliteRestoreTarget(SqliteDialect dialect, ConnectionSpec spec) {
        this.dialect = dialect;
        this.spec = spec;
        this.file = SqliteFiles.path(spec.url());
    }

    @Override
    public TargetRules targetRules() {
        return new SqliteTargetRules();
    }

    @Override
    public List<String> existingObjects() throws SQLException {
        if (!Files.exists(file)) {
            return List.of();
        }
        rollBackHotJournal();
        try (Connection c = dialect.connect(spec, true)) {
            return objects(c);
        }
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    @Override
    public HalfRestored halfRestored() throws SQLException {
        if (!Files.exists(file)) {
            return null;
        }
        rollBackHotJournal();
        try (Connection c = dialect.connect(spec, true)) {
            return objects(c).contains("table " + CheckpointTable.NAME) ? CheckpointTable.read(c, CHECKPOINTS) : null;
        }
    }

    /** Each checkpoint commits the file's transaction; the file is never deleted, since it holds finished work. */
    @Override
    public void beginCheckpointed(String archive, boolean clean, boolean resume) throws SQLException {
        this.archive = archive;
        fileExisted = true;
        connection = dialect.connect(spec, false);
        connection.setAutoCommit(false);
        if (clean) {
            dropEverything();
        }
        CheckpointTable.start(connection, CHECKPOINTS, archive, resume);
    }

    @Override
    public void checkpoint(String item, long rows, String hash) throws SQLException {
        CheckpointTable.commit(connection, CHECKPOINTS, archive, item, rows, hash);
    }

    /**
     * A journal beside the file is left by a writer that died mid-transaction (a killed restore with
     * --clean, a crashed app). A read-only connection cannot roll it back and fails; a read-write one
     * does so when it first reads, as any SQLite client would, returning the file to its last commit.
     */
    private void rollBackHotJournal() throws SQLException {
        if (Files.exists(Path.of(file + "-journal"))) {
            try (Connection c = dialect.connect(spec, false); Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            }
        }
    }

    private static List<String> objects(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT type, name FROM sqlite_schema "
                + "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Override
    public void begin(boolean clean) throws SQLException {
        fileExisted = Files.exists(file);
        if (fileExisted) {
            connection = dialect.connect(spec, false);
        } else {
            newFile = NewDatabaseFile.beside(file);
            connection = dialect.connect(ConnectionSpec.of(SqliteFiles.PREFIX + newFile.partial()), false);
        }
        connection.setAutoCommit(false);
        if (clean) {
            dropEverything();
        }
    }

    private void dropEverything() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String object : objects(connection)) {
                String type = object.substring(0, object.indexOf(' '));
                if (!type.equals("index")) {
                    s.execute("DROP " + type.toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                            + SqliteDialect.quoteIdentifier(object.substring(type.length() + 1)));
                }
            }
        }
    }

    /**
     * Loads into an existing database file's tables in one IMMEDIATE transaction; foreign keys are
     * not enforced on Ferry's connections and are checked for the whole file by
     * {@link #finishExisting}. AUTOINCREMENT counters follow the largest inserted key by themselves.
     */
    @Override
    public void beginExisting(List<Table> tables, boolean clean) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new FerryException(ErrorCode.CONNECTION_FAILED, "SQLite database file " + file + " does not exist;"
                    + " a restore into existing tables needs the app's database. Check the path in the JDBC URL.");
        }
        fileExisted = true;
        connection = dialect.connect(spec, false);
        connection.setAutoCommit(false);
        if (clean) {
            try (Statement s = connection.createStatement()) {
                for (Table t : tables) {
                    s.execute("DELETE FROM " + SqliteDialect.quoteIdentifier(t.name().name()));
                }
            }
        }
    }

    @Override
    public void finishExisting(List<Table> tables) throws SQLException {
        ForeignKeyCheck.requireNoViolations(connection);
    }

    @Override
    public void createTables(Schema schema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (Table t : schema.tables()) {
                s.execute(SqliteDdl.createTable(t));
            }
        }
    }

    @Override
    public RowSink load(Table table) throws SQLException {
        return new SqliteBatchSink(connection, table, file, this::checkpoint);
    }

    @Override
    public void finishSchema(Schema schema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (Table t : schema.tables()) {
                for (Index ix : t.indexes()) {
                    s.execute(SqliteDdl.createIndex(t, ix));
                }
                setAutoincrement(t);
            }
            for (View v : schema.views()) {
                s.execute(SqliteDdl.createView(v));
            }
            for (NativeObject o : schema.nativeObjects()) {
                s.execute(o.definition());
            }
        }
        ForeignKeyCheck.requireNoViolations(connection);
    }

    private void setAutoincrement(Table t) throws SQLException {
        for (Column c : t.columns()) {
            Identity id = c.identity();
            if (id != null && id.generation() == Identity.Generation.AUTO_INCREMENT && id.nextValue() != null) {
                try (PreparedStatement up = connection.prepareStatement(
                        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
                    up.setLong(1, id.nextValue() - 1);
                    up.setString(2, t.name().name());
                    if (up.executeUpdate() == 0) {
                        try (PreparedStatement in = connection.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                            in.setString(1, t.name().name());
                            in.setLong(2, id.nextValue() - 1);
                            in.executeUpdate();
                        }
                    }
                }
            }
        }
    }

    @Override
    public RowCursor read(Table table) throws SQLException {
        return SqliteRowCursor.open(connection, table);
    }

    @Override
    public void commit() throws SQLException {
        if (archive != null) {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE " + CHECKPOINTS);
            }
        }
        connection.commit();
        connection.close();
        connection = null;
        if (newFile != null) {
            newFile.publish();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } finally {
            connection.close();
            connection = null;
            if (newFile != null) {
                newFile.discard();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            rollback();
        }
    }
}
