package dev.ferry.migrate;

import dev.ferry.core.change.SchemaChange;
import java.sql.Connection;

/** What a {@link JavaMigration} works with: the migration's connection and Ferry's portable changes. */
public interface MigrationContext {

    /** The connection the migration runs on, inside its transaction where the engine has transactional DDL. */
    Connection connection();

    /** The engine id: {@code postgresql}, {@code mysql} or {@code sqlite}. */
    String engine();

    /** Applies portable schema changes, including the SQLite table rebuilds they may need. */
    void apply(SchemaChange... changes);

    /** A line of progress for the user ("backfilled 12,000 rows"). */
    void note(String message);
}
