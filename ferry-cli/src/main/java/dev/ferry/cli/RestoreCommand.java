package dev.ferry.cli;

import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore an archive into an empty database of the same engine, all or nothing, and prove it:",
                "row counts and content hashes of the target are compared with the archive before committing."},
        footer = {"", "Examples:",
                "  ferry restore --from backups/app-2026-11-23 --to jdbc:sqlite:restored.db",
                "  ferry restore --from /backups/app --to jdbc:postgresql://127.0.0.1/app_new --user postgres --clean"})
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The archive directory.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL", description = "The target database; must be empty unless --clean.")
    String to;

    @Option(names = "--clean", description = "Drop everything the target holds first (inside the same all-or-nothing unit).")
    boolean clean;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RestoreSettings settings = new RestoreSettings(from, connection.spec(to), clean);
        RestoreResult result = new Restore(settings, ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("target", settings.target().redactedUrl());
            summary.put("seconds", result.elapsed().toMillis() / 1000.0);
            summary.put("rows", result.rows());
            summary.put("proofs", result.proofs());
            Json.print(System.out, summary);
        } else {
            Formats.printProofs(System.out, result.proofs(), "target");
            System.out.printf("Restored %d tables, %s rows into %s in %s: proven identical to the archive.%n",
                    result.proofs().size(), Formats.count(result.rows()), settings.target().redactedUrl(),
                    Formats.seconds(result.elapsed()));
        }
        return 0;
    }
}
