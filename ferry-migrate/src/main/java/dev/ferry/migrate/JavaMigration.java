package dev.ferry.migrate;

/**
 * A migration written in Java, for data changes SQL expresses badly (backfills, re-encoding values).
 * Declared in the module's {@code module.properties} by file-like name, e.g.
 * {@code java.V4__backfill_destinations = com.example.BackfillDestinations} (and an undo as
 * {@code java.U4__backfill_destinations = ...}). The class needs a public no-argument constructor.
 * It runs in the migration's transaction like a script, and must not commit or roll back itself.
 */
public interface JavaMigration {

    void migrate(MigrationContext context) throws Exception;

    /**
     * A checksum of this migration's logic, if it should be validated like a script's (bump it when
     * the code changes meaning); null, the default, means not validated.
     */
    default String checksum() {
        return null;
    }
}
