package dev.ferry.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

/**
 * A Java migration for the lock tests: creates table slow_started, signals that it runs (a file
 * {@code started} in {@code -Dferry.test.dir}), sleeps {@code -Dferry.test.sleepMs}, then creates
 * table slow_done. On MariaDB the first table is committed at once, so a kill leaves a partial change.
 */
public final class SlowMigration implements JavaMigration {
    @Override
    public void migrate(MigrationContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.execute("CREATE TABLE slow_started (id INTEGER)");
        }
        String dir = System.getProperty("ferry.test.dir");
        if (dir != null) {
            Files.writeString(Path.of(dir, "started"), "");
        }
        Thread.sleep(Long.getLong("ferry.test.sleepMs", 0));
        try (Statement s = context.connection().createStatement()) {
            s.execute("CREATE TABLE slow_done (id INTEGER)");
        }
    }
}
