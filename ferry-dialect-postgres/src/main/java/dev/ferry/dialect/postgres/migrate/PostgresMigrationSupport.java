package dev.ferry.dialect.postgres.migrate;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.change.StandardChangeSql;
import dev.ferry.core.script.ScriptStatement;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.ServerThrowaway;
import dev.ferry.core.spi.Throwaway;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** PostgreSQL migrations: advisory lock, dollar-quote-aware splitting, standard ALTER TABLE; see the package docs. */
public final class PostgresMigrationSupport implements MigrationSupport {
    private final StandardChangeSql changes = new StandardChangeSql(Sql::quote);

    @Override
    public List<String> scriptVariants(ServerInfo server) {
        return List.of("postgresql");
    }

    @Override
    public List<ScriptStatement> splitStatements(String script) {
        return new PostgresScriptSplitter().split(script);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public LockAttempt tryLock(Connection lockConnection, String name, Duration staleAfter) throws SQLException {
        return PostgresAdvisoryLock.tryLock(lockConnection, name);
    }

    @Override
    public List<String> changeSql(Connection connection, SchemaChange change) {
        return changes.sql(change);
    }

    @Override
    public Throwaway openThrowaway(ConnectionSpec live) throws SQLException {
        return ServerThrowaway.open(live, name -> "CREATE DATABASE " + Sql.quote(name),
                name -> "DROP DATABASE IF EXISTS " + Sql.quote(name) + " WITH (FORCE)");
    }
}
