package dev.ferry.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a migrate (or undo) run did.
 *
 * @param steps  the migrations applied (or undone), in order
 * @param backup the archive taken before the first change, or null (nothing to do, or --no-backup)
 * @param notes  things the user should know: recovered locks, interrupted migrations, unknown applied ones
 */
public record MigrateResult(String database, List<AppliedStep> steps, Path backup, List<String> notes, Duration elapsed) {
    public MigrateResult {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** One migration applied or undone, and how long it took. */
    public record AppliedStep(String module, String version, String description, long millis) {
    }
}
