package dev.ferry.migrate.run;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.migrate.MigrationContext;
import dev.ferry.ops.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The {@link MigrationContext} a Java migration gets, also used to run {@code .ops} changes. */
final class StepContext implements MigrationContext {
    private final Connection connection;
    private final String engine;
    private final MigrationSupport support;
    private final ProgressListener progress;

    StepContext(Connection connection, String engine, MigrationSupport support, ProgressListener progress) {
        this.connection = connection;
        this.engine = engine;
        this.support = support;
        this.progress = progress;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void apply(SchemaChange... changes) {
        for (SchemaChange change : changes) {
            try {
                for (String sql : support.changeSql(connection, change)) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(sql);
                    }
                }
            } catch (SQLException e) {
                throw new ChangeFailure(change, e);
            }
        }
    }

    @Override
    public void note(String message) {
        progress.note("  " + message);
    }

    /** A portable change whose SQL failed; the runner reports it with the change's description. */
    static final class ChangeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChangeFailure(SchemaChange change, SQLException cause) {
            super(change.describe() + ": " + cause.getMessage(), cause);
        }
    }
}
