package dev.ferry.dialect.mysql;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.script.ScriptStatement;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationSupport;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.ServerThrowaway;
import dev.ferry.core.spi.Throwaway;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * MariaDB/MySQL migrations. DDL commits implicitly, so a failed migration cannot be rolled back:
 * the migration engine then points to the backup it took before. Locking is {@code GET_LOCK} on a
 * dedicated session; user scripts run with the server's own sql_mode, not Ferry's restore mode.
 */
final class MysqlMigrationSupport implements MigrationSupport {

    @Override
    public List<String> scriptVariants(ServerInfo server) {
        return "MariaDB".equals(server.product()) ? List.of("mariadb", "mysql") : List.of("mysql");
    }

    @Override
    public List<ScriptStatement> splitStatements(String script) {
        return new MysqlScriptSplitter().split(script);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        Sql.execute(connection, "SET SESSION sql_mode = @@GLOBAL.sql_mode");
    }

    @Override
    public LockAttempt tryLock(Connection lockConnection, String name, Duration staleAfter) throws SQLException {
        return GetLock.tryLock(lockConnection, name);
    }

    @Override
    public List<String> changeSql(Connection connection, SchemaChange change) throws SQLException {
        return new MysqlChangeSql(connection).of(change);
    }

    @Override
    public Throwaway openThrowaway(ConnectionSpec live) throws SQLException {
        return ServerThrowaway.open(new ConnectionSpec(MysqlConnector.driverUrl(live.url()), live.user(), live.password()),
                name -> "CREATE DATABASE " + Sql.quote(name) + " CHARACTER SET utf8mb4",
                name -> "DROP DATABASE IF EXISTS " + Sql.quote(name));
    }
}
