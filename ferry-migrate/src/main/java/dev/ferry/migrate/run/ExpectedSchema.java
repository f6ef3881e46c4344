package dev.ferry.migrate.run;

import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.MigrationLock;
import dev.ferry.core.spi.Throwaway;
import dev.ferry.core.spi.ThrowawayProvider;
import dev.ferry.migrate.MigrationSettings;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.MigrationPlanner;
import dev.ferry.ops.ProgressListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The schema the applied migrations should have produced: built by applying exactly those
 * migrations, in order, to a throw-away database of the same engine, and read back. Remembers which
 * migration first produced each table and column, so a finding can name the migration whose history
 * row has no schema effect.
 *
 * @param origin "table items" or "column items.destination" (lower case) to the migration that made it
 */
public record ExpectedSchema(Schema schema, Map<String, String> origin, String builtIn, int migrations) {

    public static ExpectedSchema build(Session live, List<Migration> all, Set<String> applied, ProgressListener progress) {
        List<Migration> claimed = all.stream().filter(m -> applied.contains(m.id())).toList();
        List<Migration> ordered = new MigrationPlanner(claimed, Set.of()).plan();
        try (Throwaway throwaway = openThrowaway(live)) {
            progress.note("Building the expected schema: " + ordered.size() + " migration(s) on a " + throwaway.description());
            MigrationSettings settings = live.settings().withBackup(false);
            settings = new MigrationSettings(throwaway.spec(), settings.location(), settings.backupDirectory(),
                    settings.keepBackups(), false, settings.lockTimeout(), false, settings.staleLockAfter(),
                    settings.historyTable(), settings.classLoader());
            try (Session scratch = Session.open(settings)) {
                new HistoryChecks(scratch, ProgressListener.NONE).prepare();
                MigrationLock none = () -> { };
                StepRunner runner = new StepRunner(scratch, none, ProgressListener.NONE, null, 1, false);
                Map<String, String> origin = new HashMap<>();
                for (Migration m : ordered) {
                    runner.run(m, false);
                    remember(scratch, m, origin);
                }
                Schema schema = scratch.dialect().introspect(scratch.connection(), List.of());
                return new ExpectedSchema(schema, origin, throwaway.description(), ordered.size());
            }
        } catch (SQLException e) {
            throw live.failure("Cannot build the expected schema in a throw-away database (PostgreSQL and MariaDB need"
                    + " the privilege to create a database)", e);
        }
    }

    /**
     * A throw-away database from a {@link ThrowawayProvider} that matches the live server (an embedded
     * PostgreSQL of the same major: no privilege needed), else one on the live server itself.
     */
    private static Throwaway openThrowaway(Session live) throws SQLException {
        for (ThrowawayProvider provider : ServiceLoader.load(ThrowawayProvider.class, ExpectedSchema.class.getClassLoader())) {
            Optional<Throwaway> t = provider.open(live.dialect().id(), live.server());
            if (t.isPresent()) {
                return t.get();
            }
        }
        return live.support().openThrowaway(live.settings().database());
    }

    /** Records the tables and columns that exist now (one metadata query, not a full introspection). */
    private static void remember(Session scratch, Migration m, Map<String, String> origin) throws SQLException {
        String by = m.module() + " V" + m.version() + " " + m.description();
        Connection c = scratch.connection();
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                origin.putIfAbsent(key("table", table), by);
                origin.putIfAbsent(key("column", table + "." + rs.getString("COLUMN_NAME")), by);
            }
        }
    }

    /** The migration that made a table or column, or null. */
    public String origin(String kind, String name) {
        return origin.get(key(kind, name));
    }

    private static String key(String kind, String name) {
        return kind + " " + name.toLowerCase(Locale.ROOT);
    }
}
