package dev.ferry.cli;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.FileTargets;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreFiles;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.RestoredFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore an archive into an empty database of the same engine, all or nothing, and prove it:",
                "row counts and content hashes of the target are compared with the archive before committing.",
                "Stored files are checked and written under temporary names first, and moved into place once the",
                "database has committed. Without --to, only the files named by --files-to/--secret-to are restored."},
        footer = {"", "Examples:",
                "  ferry restore --from backups/app-2026-11-23 --to jdbc:sqlite:restored.db",
                "  ferry restore --from /backups/app --to jdbc:postgresql://127.0.0.1/app_new --user postgres --clean",
                "  ferry restore --from /backups/inv --to jdbc:postgresql://127.0.0.1/inventree --passphrase-env FERRY_PASSPHRASE \\",
                "      --files-to media=/srv/inventree/media --secret-to config=/etc/inventree/config.yaml"})
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The archive directory.")
    Path from;

    @Option(names = "--to", paramLabel = "JDBC-URL", description = "The target database; must be empty unless --clean.")
    String to;

    @Option(names = "--clean", description = "Drop everything the target holds first (inside the same all-or-nothing unit).")
    boolean clean;

    @Option(names = "--files-to", paramLabel = "NAME=DIR", description = "Write the archive's file tree NAME into DIR (repeatable).")
    List<String> filesTo = List.of();

    @Option(names = "--secret-to", paramLabel = "NAME=PATH",
            description = "Write the archive's secret NAME to PATH, readable by its owner only (0600) (repeatable).")
    List<String> secretsTo = List.of();

    @Option(names = "--overwrite", description = "Replace files that already exist where --files-to/--secret-to write.")
    boolean overwrite;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        FileTargets files = new FileTargets(NamedPathOptions.parse("--files-to", filesTo),
                NamedPathOptions.parse("--secret-to", secretsTo), overwrite);
        if (to == null) {
            if (files.isEmpty()) {
                throw new FerryException(ErrorCode.USAGE, "Missing --to JDBC-URL (or --files-to/--secret-to to restore only files).");
            }
            RestoredFiles placed = new RestoreFiles(from, passphrase.passphrase(), files, ConsoleProgress.create(output)).run();
            if (output.json) {
                Json.print(System.out, Map.of("files", placed));
            } else {
                printFiles(System.out, placed);
            }
            return 0;
        }
        RestoreSettings settings = new RestoreSettings(from, connection.spec(to), clean, passphrase.passphrase(), files);
        RestoreResult result = new Restore(settings, ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("target", settings.target().redactedUrl());
            summary.put("seconds", result.elapsed().toMillis() / 1000.0);
            summary.put("rows", result.rows());
            summary.put("proofs", result.proofs());
            summary.put("files", result.files());
            Json.print(System.out, summary);
        } else {
            Formats.printProofs(System.out, result.proofs(), "target");
            System.out.printf("Restored %d tables, %s rows into %s in %s: proven identical to the archive.%n",
                    result.proofs().size(), Formats.count(result.rows()), settings.target().redactedUrl(),
                    Formats.seconds(result.elapsed()));
            printFiles(System.out, result.files());
        }
        return 0;
    }

    private static void printFiles(PrintStream out, RestoredFiles files) {
        for (RestoredFiles.Placed p : files.placed()) {
            out.printf("Restored %s '%s' to %s%s%n", p.kind(), p.name(), p.target(), p.kind().equals("files")
                    ? ": " + Formats.count(p.files()) + " files, " + Formats.bytes(p.bytes()) + ", every SHA-256 checked" : " (mode 0600)");
        }
        files.notRestored().forEach(n -> out.println("not restored: " + n));
        files.warnings().forEach(w -> out.println("warning: " + w));
    }
}
