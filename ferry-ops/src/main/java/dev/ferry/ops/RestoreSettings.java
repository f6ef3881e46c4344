package dev.ferry.ops;

import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore where.
 *
 * @param clean  drop what the target already holds (inside the same all-or-nothing unit) instead of
 *               refusing a non-empty target
 * @param strict refuse a restore into another engine that would store any column's values in another
 *               representation (text for dates, JSON for arrays...), before writing anything
 * @param jobs   tables loaded at once, where the target allows it (MariaDB/MySQL); at least 1
 * @param schema {@link SchemaMode#CREATE} the archive's schema in an empty target, or load into the tables
 *               the app already created ({@link SchemaMode#EXISTING}, after a preflight check)
 */
public record RestoreSettings(Path archive, ConnectionSpec target, boolean clean, boolean strict, int jobs,
                              SchemaMode schema) {

    /** Where the restored tables come from. */
    public enum SchemaMode {
        /** Ferry creates the archive's schema (translated for another engine) in an empty target. */
        CREATE,
        /** The app created the tables (its own migrations); Ferry checks them against the archive and loads rows. */
        EXISTING
    }

    public RestoreSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(target, "target");
        schema = schema == null ? SchemaMode.CREATE : schema;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    public static RestoreSettings of(Path archive, ConnectionSpec target) {
        return new RestoreSettings(archive, target, false, false, 1, SchemaMode.CREATE);
    }

    public RestoreSettings withClean(boolean value) {
        return new RestoreSettings(archive, target, value, strict, jobs, schema);
    }

    public RestoreSettings withStrict(boolean value) {
        return new RestoreSettings(archive, target, clean, value, jobs, schema);
    }

    public RestoreSettings withSchema(SchemaMode value) {
        return new RestoreSettings(archive, target, clean, strict, jobs, value);
    }

    public RestoreSettings withJobs(int value) {
        return new RestoreSettings(archive, target, clean, strict, value, schema);
    }
}
