package dev.ferry.cli;

import dev.ferry.migrate.ModuleStatus;
import dev.ferry.migrate.Status;
import dev.ferry.migrate.StatusReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what is applied, pending and failed per module, and whether the schema drifted.",
                "Compares the live schema with what the applied migrations produced. Made for health checks: it only reads."},
        footer = {"", "Example:", "  ferry status --url jdbc:sqlite:app.db --migrations db/migrations || exit $?",
                "", "Exit codes: 0 up to date, 3 pending migrations, 4 drift (schema changed outside Ferry, or an applied"
                        + " script edited), 5 a failed migration recorded, 1 cannot connect (or another failure)."
                        + " The most serious wins."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    MigrationOptions migration;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        StatusReport report = new Status(migration.settings()).run();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("exitCode", report.exitCode());
            json.put("summary", report.summary());
            json.put("report", report);
            Json.print(System.out, json);
        } else {
            print(System.out, report);
        }
        return report.exitCode();
    }

    private static void print(PrintStream out, StatusReport r) {
        out.printf(Locale.ROOT, "%-20s %-10s %8s  %s%n", "module", "version", "applied", "pending");
        for (ModuleStatus m : r.modules()) {
            out.printf(Locale.ROOT, "%-20s %-10s %8d  %s%n", m.module(), m.currentVersion() == null ? "-" : "V" + m.currentVersion(),
                    m.applied(), m.pending().isEmpty() ? "-" : String.join(", ", m.pending()));
            m.failed().forEach(f -> out.println("  FAILED " + f));
        }
        r.unknown().forEach(u -> out.println("note: " + u + " is applied but not in the migration set"));
        out.println(r.summary());
    }
}
