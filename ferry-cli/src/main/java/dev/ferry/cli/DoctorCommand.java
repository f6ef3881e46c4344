package dev.ferry.cli;

import dev.ferry.migrate.Doctor;
import dev.ferry.migrate.DoctorReport;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Find schema drift and repair it.",
                "Builds the schema the applied migrations should have produced in a throw-away database of the same engine"
                        + " (a temporary SQLite file; a scratch database on the same PostgreSQL or MariaDB server, which needs"
                        + " the privilege to create one), compares it with the live schema, and prints the differences, the"
                        + " migration each missing object comes from, and a repair plan with its SQL (SQLite table rebuilds"
                        + " included). Also reports which version Flyway, Liquibase, Alembic or Django histories claim."},
        footer = {"", "Examples:",
                "  ferry doctor --url jdbc:sqlite:app.db --migrations db/migrations",
                "  ferry doctor --url jdbc:sqlite:app.db --migrations db/migrations --fix",
                "", "Exit codes: 0 the schema matches (or --fix made it match), 4 drift remains, 1 failure."})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--fix", description = "Apply the repair plan after a backup (extra objects are never dropped).")
    boolean fix;

    @Mixin
    MigrationOptions migration;

    @Mixin
    LockOptions lock;

    @Mixin
    BackupOptions backup;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        DoctorReport report = new Doctor(lock.apply(backup.apply(migration.settings())), fix, ConsoleProgress.create(output)).run();
        if (output.json) {
            Json.print(System.out, report);
        } else {
            print(System.out, report);
        }
        return report.exitCode();
    }

    private void print(PrintStream out, DoctorReport r) {
        out.println("Database " + r.database() + " claims: " + (r.claimed().isEmpty() ? "no Ferry migrations" : r.claimed()));
        r.foreignHistories().forEach(h -> out.println("  other history: " + h));
        out.println("Expected schema: " + r.expectedFrom());
        if (r.findings().isEmpty()) {
            out.println("The live schema matches the applied migrations.");
            return;
        }
        out.println(r.findings().size() + " difference(s):");
        r.findings().forEach(f -> out.println("  - " + f.description() + (f.expectedFrom() == null ? ""
                : " [from " + f.expectedFrom() + "; its history row has no schema effect here]")));
        out.println(r.fixed() ? "Repaired:" : r.plan().isEmpty() ? "No automatic repair." : "Repair plan (ferry doctor --fix applies it):");
        for (DoctorReport.PlannedChange c : r.plan()) {
            out.println("  -- " + c.description());
            c.sql().forEach(sql -> out.println("  " + sql.replace("\n", "\n  ") + ";"));
        }
        r.manual().forEach(m -> out.println("  manual: " + m));
        if (r.backup() != null) {
            out.println("Backup taken before the repair: " + r.backup());
        }
    }
}
