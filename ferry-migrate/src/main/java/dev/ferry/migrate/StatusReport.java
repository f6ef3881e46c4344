package dev.ferry.migrate;

import dev.ferry.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A database's migration state, made for health checks: {@link #exitCode()} is 0 up to date,
 * 3 pending, 4 drift (the live schema or an applied script changed since it was applied), 5 a
 * failed migration recorded; the most serious wins.
 *
 * @param inProgress migrations another process is applying right now
 * @param drift      how the live schema differs from what the applied migrations produced, or null
 * @param edited     applied scripts edited since they were applied
 * @param unknown    applied migrations the migration set no longer has (a removed plugin)
 */
public record StatusReport(String database, List<ModuleStatus> modules, List<String> inProgress, String drift,
                           List<String> edited, List<String> unknown) {
    public StatusReport {
        modules = List.copyOf(modules);
        inProgress = List.copyOf(inProgress);
        edited = List.copyOf(edited);
        unknown = List.copyOf(unknown);
    }

    public int exitCode() {
        return code() == null ? 0 : code().exitCode();
    }

    /** The error code matching the state, or null when up to date. */
    public ErrorCode code() {
        if (modules.stream().anyMatch(m -> !m.failed().isEmpty())) {
            return ErrorCode.MIGRATION_FAILED;
        }
        if (drift != null || !edited.isEmpty()) {
            return ErrorCode.SCHEMA_DRIFT;
        }
        if (pendingCount() > 0 || !inProgress.isEmpty()) {
            return ErrorCode.MIGRATIONS_PENDING;
        }
        return null;
    }

    public int pendingCount() {
        return modules.stream().mapToInt(m -> m.pending().size()).sum();
    }

    /** One plain sentence a health check can print. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        modules.forEach(m -> m.failed().forEach(f -> parts.add("failed migration recorded: " + m.module() + " " + f)));
        if (drift != null) {
            parts.add("schema drift: " + drift);
        }
        edited.forEach(e -> parts.add("applied script edited: " + e));
        inProgress.forEach(p -> parts.add("being applied right now: " + p));
        if (pendingCount() > 0) {
            parts.add(pendingCount() + " pending migration(s): run ferry migrate");
        }
        if (parts.isEmpty()) {
            return database + " is up to date (" + modules.stream().map(m -> m.module() + " V" + m.currentVersion())
                    .reduce((a, b) -> a + ", " + b).orElse("no migrations") + ")";
        }
        return database + ": " + String.join("; ", parts);
    }
}
