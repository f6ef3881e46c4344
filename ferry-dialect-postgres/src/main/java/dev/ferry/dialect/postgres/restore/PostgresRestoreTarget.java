package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointTable;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.translate.TargetRules;
import dev.ferry.dialect.postgres.PostgresDialect;
import dev.ferry.dialect.postgres.Sql;
import dev.ferry.dialect.postgres.introspect.PartitionOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restore into PostgreSQL as one transaction on one connection. Every step runs through
 * {@link #run}, which names the step in the error if the server refuses it; {@link #rollback()}
 * then leaves the target exactly as it was.
 */
public final class PostgresRestoreTarget implements RestoreTarget {
    private final PostgresDialect dialect;
    private final Connection connection;
    private final Set<NativeObject> createdEarly = new HashSet<>();
    private static final String CHECKPOINTS = "public." + Sql.quote(CheckpointTable.NAME);
    private CopyRowSink activeSink;
    private ExistingTables existing;
    private String archive;

    public PostgresRestoreTarget(PostgresDialect dialect, Connection connection) throws SQLException {
        this.dialect = dialect;
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    @Override
    public TargetRules targetRules() {
        return new PostgresTargetRules();
    }

    @Override
    public ServerInfo server() throws SQLException {
        return dialect.describe(connection);
    }

    @Override
    public List<String> existingObjects() throws SQLException {
        return new TargetObjects(connection).describe();
    }

    @Override
    public void begin(boolean clean) throws SQLException {
        run("Preparing the restore transaction", "SET LOCAL check_function_bodies = false");
        if (clean) {
            try {
                new TargetObjects(connection).dropAll();
            } catch (SQLException e) {
                throw RestoreErrors.failed("Dropping the target's existing objects (clean)", e);
            }
        }
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    @Override
    public HalfRestored halfRestored() throws SQLException {
        boolean exists;
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, CHECKPOINTS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                exists = rs.getBoolean(1);
            }
        }
        HalfRestored half = exists ? CheckpointTable.read(connection, CHECKPOINTS) : null;
        connection.rollback();
        return half;
    }

    /**
     * The same steps committed one by one: the schema, then each table with its checkpoint row in
     * {@code public.ferry_restore_checkpoint}; a kill loses only the step in progress.
     */
    @Override
    public void beginCheckpointed(String archive, boolean clean, boolean resume) throws SQLException {
        this.archive = archive;
        run("Preparing the restore session", "SET check_function_bodies = false");
        if (clean) {
            begin(true);
            run("Dropping an earlier restore's checkpoints", "DROP TABLE IF EXISTS " + CHECKPOINTS);
        }
        CheckpointTable.start(connection, CHECKPOINTS, archive, resume);
    }

    @Override
    public void checkpoint(String item, long rows, String hash) throws SQLException {
        CheckpointTable.commit(connection, CHECKPOINTS, archive, item, rows, hash);
    }

    @Override
    public void beginExisting(List<Table> tables, boolean clean) throws SQLException {
        existing = new ExistingTables(this, connection);
        existing.begin(tables, clean);
    }

    @Override
    public void finishExisting(List<Table> tables) throws SQLException {
        existing.finish(tables);
    }

    @Override
    public void createTables(Schema schema) throws SQLException {
        for (String namespace : schema.namespaces()) {
            run("Creating schema " + namespace, Ddl.createSchema(namespace));
        }
        createTypes(schema);
        createFunctionsThatNeedNoTables(schema);
        Map<QualifiedName, Sequence> sequences = createSequences(schema);
        for (Table t : PartitionOrder.parentsFirst(schema.tables())) {
            createTable(t, sequences);
        }
        for (Sequence s : schema.sequences()) {
            if (s.ownedBy() != null && !isIdentitySequence(schema, s)) {
                run("Attaching sequence " + s.name() + " to " + s.ownedBy().table(), Ddl.ownSequence(s));
            }
        }
    }

    /** Extensions (which may bring types), enums, then domains and composite types. */
    private void createTypes(Schema schema) {
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals("extension")) {
                run("Creating extension " + o.name().name(), o.definition());
            }
        }
        for (EnumType e : schema.enums()) {
            run("Creating enum type " + e.name(), Ddl.createEnum(e));
        }
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals("domain") || o.kind().equals("type")) {
                run("Creating " + o.kind() + " " + o.name(), o.definition());
            }
        }
    }

    /** Every sequence except identity ones, which their column's clause creates; returns all by name. */
    private Map<QualifiedName, Sequence> createSequences(Schema schema) {
        Map<QualifiedName, Sequence> sequences = new HashMap<>();
        for (Sequence s : schema.sequences()) {
            sequences.put(s.name(), s);
            if (!isIdentitySequence(schema, s)) {
                run("Creating sequence " + s.name(), Ddl.createSequence(s));
            }
        }
        return sequences;
    }

    private void createTable(Table t, Map<QualifiedName, Sequence> sequences) throws SQLException {
        run("Creating table " + t.name(), Ddl.createTable(t, sequences));
        if (t.comment() != null) {
            run("Commenting table " + t.name(), Ddl.comment("TABLE", Sql.qualified(t.name()), t.comment()));
        }
        boolean partition = t.options().containsKey(PartitionOptions.PARTITION_OF);
        for (Column c : t.columns()) {
            if (c.comment() != null && !partition) {
                run("Commenting column " + c.name() + " of " + t.name(),
                        Ddl.comment("COLUMN", Sql.qualified(t.name()) + "." + Sql.quote(c.name()), c.comment()));
            }
        }
    }

    /**
     * Functions go before the tables where they can, since defaults, checks, generated columns and
     * indexes may call them; one that needs a table (a row-type result, a BEGIN ATOMIC body) fails
     * under a savepoint and is created by {@link #finishSchema} instead.
     */
    private void createFunctionsThatNeedNoTables(Schema schema) throws SQLException {
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals("function")) {
                Savepoint savepoint = connection.setSavepoint();
                try (Statement s = connection.createStatement()) {
                    s.execute(o.definition());
                    connection.releaseSavepoint(savepoint);
                    createdEarly.add(o);
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                }
            }
        }
    }

    /** Whether {@link #createTables} already created this native object. */
    boolean createdEarly(NativeObject o) {
        return createdEarly.contains(o) || SchemaFinisher.BEFORE_TABLES.contains(o.kind());
    }

    /** A sequence created by its column's GENERATED ... AS IDENTITY clause rather than on its own. */
    static boolean isIdentitySequence(Schema schema, Sequence s) {
        if (s.ownedBy() == null) {
            return false;
        }
        return schema.table(s.ownedBy().table()).flatMap(t -> t.column(s.ownedBy().column()))
                .map(Column::identity)
                .filter(i -> i.generation() == Identity.Generation.ALWAYS || i.generation() == Identity.Generation.BY_DEFAULT)
                .isPresent();
    }

    /**
     * A COPY into {@code table}. Tables load one after another: the restore is one transaction on
     * one connection, which carries one COPY at a time.
     */
    @Override
    public RowSink load(Table table) throws SQLException {
        if (activeSink != null && activeSink.isActive()) {
            throw new FerryException(ErrorCode.INTERNAL, "Cannot load " + table.name() + " while rows for "
                    + activeSink.table().name() + " are still being loaded: a PostgreSQL restore loads one table at a time");
        }
        try {
            activeSink = CopyRowSink.open(connection, table);
            return new FailureNamingSink(activeSink, this::checkpoint);
        } catch (SQLException e) {
            throw RestoreErrors.failed("Loading rows into " + table.name(), e);
        }
    }

    @Override
    public void finishSchema(Schema schema) throws SQLException {
        new SchemaFinisher(this, schema).finish();
        SequencePositioner positioner = new SequencePositioner(connection);
        for (Sequence s : schema.sequences()) {
            try {
                positioner.position(s);
            } catch (SQLException e) {
                throw RestoreErrors.failed("Setting the position of sequence " + s.name(), e);
            }
        }
        new SchemaFinisher(this, schema).finishCode();
    }

    @Override
    public RowCursor read(Table table) throws SQLException {
        return dialect.readRows(connection, table);
    }

    @Override
    public void commit() throws SQLException {
        if (archive != null) {
            run("Dropping the checkpoints of the finished restore", "DROP TABLE " + CHECKPOINTS);
        }
        connection.commit();
    }

    /** Abandons a COPY still in progress, then rolls the transaction back. */
    @Override
    public void rollback() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (activeSink != null) {
            activeSink.close();
        }
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Runs one DDL statement; a refusal becomes a RESTORE_FAILED error naming {@code step}. */
    void run(String step, String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw RestoreErrors.failed(step, e);
        }
    }
}
