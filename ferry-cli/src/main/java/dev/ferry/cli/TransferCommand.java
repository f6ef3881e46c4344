package dev.ferry.cli;

import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferResult;
import dev.ferry.ops.TransferSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Copy a live database into another, same engine or not, all or nothing, with no archive in between,",
                "and prove it: every table read back from the target equals what was read from the source's snapshot.",
                "Into another engine the schema is translated (docs/TYPE-MAPPING.md) and every change is listed."},
        footer = {"", "Examples:",
                "  ferry transfer --from jdbc:sqlite:app.db --to jdbc:postgresql://127.0.0.1/app --to-user app --to-password-env PGPASSWORD",
                "  ferry transfer --from jdbc:mariadb://old/app --from-user root --to jdbc:postgresql://new/app --jobs 4",
                "  ferry transfer --from jdbc:postgresql://pg12/app --to jdbc:postgresql://pg17/app --jobs 2"})
final class TransferCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "JDBC-URL", description = "The source database (only read).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL", description = "The target database; must be empty unless --clean.")
    String to;

    @Option(names = "--from-user", paramLabel = "NAME", description = "Source user (or put it in the URL).")
    String fromUser;

    @Option(names = "--from-password-env", paramLabel = "VAR", description = "Read the source password from environment variable VAR.")
    String fromPasswordEnv;

    @Option(names = "--to-user", paramLabel = "NAME", description = "Target user (or put it in the URL).")
    String toUser;

    @Option(names = "--to-password-env", paramLabel = "VAR", description = "Read the target password from environment variable VAR.")
    String toPasswordEnv;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", paramLabel = "N",
            description = "Tables read in parallel from one shared snapshot, and written in parallel where the target allows (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--schema", paramLabel = "NAME", description = "Only these source schemas (repeatable).")
    List<String> schemas = List.of();

    @Option(names = "--exclude-table", paramLabel = "NAME", description = "Leave out tables by name or glob (repeatable).")
    List<String> excludeTables = List.of();

    @Option(names = "--clean", description = "Drop everything the target holds first (inside the same all-or-nothing unit).")
    boolean clean;

    @Option(names = "--strict", description = "Into another engine: refuse (before writing anything) any change of a column's representation.")
    boolean strict;

    @Mixin
    TargetLockOption lock;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        TransferSettings settings = new TransferSettings(ConnectionOptions.spec(from, fromUser, fromPasswordEnv),
                ConnectionOptions.spec(to, toUser, toPasswordEnv), jobs, schemas, excludeTables, clean, strict);
        TransferResult result = new Transfer(settings, lock.lockTimeout, ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("source", settings.source().redactedUrl());
            summary.put("target", settings.target().redactedUrl());
            summary.put("sourceEngine", result.sourceEngine());
            summary.put("targetEngine", result.targetEngine());
            summary.put("seconds", result.elapsed().toMillis() / 1000.0);
            summary.put("rows", result.rows());
            summary.put("readers", result.readers());
            summary.put("proofs", result.proofs());
            summary.put("changes", result.changes());
            summary.put("warnings", result.warnings());
            Json.print(System.out, summary);
        } else {
            Formats.printProofs(System.out, result.proofs(), "target", "source rows");
            Formats.printChanges(System.out, result.changes(), result.targetEngine());
            result.warnings().forEach(w -> System.out.println("warning: " + w));
            System.out.printf("Transferred %d tables, %s rows from %s (%s) into %s (%s) in %s: every table read back equals"
                    + " the source's snapshot%s.%n", result.proofs().size(), Formats.count(result.rows()),
                    settings.source().redactedUrl(), result.sourceEngine(), settings.target().redactedUrl(), result.targetEngine(),
                    Formats.seconds(result.elapsed()), result.crossEngine() ? " after the conversions listed" : "");
        }
        return 0;
    }
}
