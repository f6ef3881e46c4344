package dev.ferry.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code ferry doctor} found and did.
 *
 * @param claimed         per module, the latest version Ferry's history says is applied
 * @param foreignHistories other tools' histories found, e.g. "alembic (alembic_version): 3f2a9c1d"
 * @param expectedFrom    how the expected schema was built ("3 migrations on temporary SQLite file ...")
 * @param findings        how the live schema differs from what the applied migrations produce
 * @param plan            the repair plan: changes with their SQL
 * @param manual          differences Ferry will not repair by itself (extra objects hold data), with advice
 * @param fixed           true if {@code --fix} applied the plan and the schema now matches
 * @param backup          the archive taken before the fix, or null
 */
public record DoctorReport(String database, Map<String, String> claimed, List<String> foreignHistories, String expectedFrom,
                           List<Finding> findings, List<PlannedChange> plan, List<String> manual, boolean fixed, Path backup) {
    public DoctorReport {
        claimed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(claimed));
        foreignHistories = List.copyOf(foreignHistories);
        findings = List.copyOf(findings);
        plan = List.copyOf(plan);
        manual = List.copyOf(manual);
    }

    /** 0 when the live schema matches (or was fixed to match), 4 when it drifts. */
    public int exitCode() {
        return findings.isEmpty() || fixed && manual.isEmpty() ? 0 : 4;
    }

    /** A difference, and the migration that should have produced the missing object, if known. */
    public record Finding(String description, String expectedFrom) {
    }

    /** One repair step: what it does, and its SQL as planned against the current schema. */
    public record PlannedChange(String description, List<String> sql) {
        public PlannedChange {
            sql = List.copyOf(sql);
        }
    }
}
