package dev.ferry.cli;

import dev.ferry.migrate.MigrateResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints what a migrate or undo run did. */
final class MigrationOutput {
    private MigrationOutput() {
    }

    static void print(PrintStream out, MigrateResult r, OutputOptions output, String verb) {
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("database", r.database());
            summary.put(verb, r.steps());
            summary.put("backup", r.backup() == null ? null : r.backup().toString());
            summary.put("notes", r.notes());
            summary.put("seconds", r.elapsed().toMillis() / 1000.0);
            Json.print(out, summary);
            return;
        }
        for (MigrateResult.AppliedStep s : r.steps()) {
            out.printf(Locale.ROOT, "  %-20s V%-8s %-40s %6d ms%n", s.module(), s.version(), s.description(), s.millis());
        }
        if (r.steps().isEmpty()) {
            out.printf("%s: nothing to do.%n", r.database());
        } else {
            out.printf("%s %d migration(s) on %s in %s.%s%n", verb.equals("applied") ? "Applied" : "Undid", r.steps().size(),
                    r.database(), Formats.seconds(r.elapsed()), r.backup() == null ? "" : " Backup taken before: " + r.backup());
        }
    }
}
