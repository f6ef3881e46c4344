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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore an archive into an empty database, all or nothing, and prove it: row counts and content",
                "hashes of the target are compared with the archive before committing.",
                "The target may be another engine (PostgreSQL, MariaDB/MySQL, SQLite) than the archive's: the schema is",
                "translated (docs/TYPE-MAPPING.md), every change is listed, and values are proven equal after conversion.",
                "Stored files are checked and written under temporary names first, and moved into place once the",
                "database has committed. Without --to, only the files named by --files-to/--secret-to are restored.",
                "With --merge, the rows are added to a database that already holds data (docs/MERGE.md)."},
        footer = {"", "Examples:",
                "  ferry restore --from backups/app-2026-11-23 --to jdbc:sqlite:restored.db",
                "  ferry restore --from /backups/app --to jdbc:postgresql://127.0.0.1/app_new --user postgres --clean",
                "  ferry restore --from sqlite-backup --to jdbc:postgresql://127.0.0.1/app --strict",
                "  ferry restore --from project5.ferry --to jdbc:mariadb://127.0.0.1/semaphore?user=root --merge \\",
                "      --match app_user:username --match access_key:project_id,name --dry-run",
                "  ferry restore --from inventree-backup --to jdbc:postgresql://127.0.0.1/inventree --schema existing --clean",
                "  ferry restore --from /backups/inv --to jdbc:postgresql://127.0.0.1/inventree --passphrase-env FERRY_PASSPHRASE \\",
                "      --files-to media=/srv/inventree/media --secret-to config=/etc/inventree/config.yaml"})
final class RestoreCommand implements Callable<Integer> {
    /** Reads {@code create} or {@code existing}. */
    static final class SchemaModeConverter implements CommandLine.ITypeConverter<RestoreSettings.SchemaMode> {
        @Override
        public RestoreSettings.SchemaMode convert(String value) {
            try {
                return RestoreSettings.SchemaMode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not create or existing");
            }
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The archive directory.")
    Path from;

    @Option(names = "--to", paramLabel = "JDBC-URL", description = "The target database; must be empty unless --clean.")
    String to;

    @Option(names = "--clean", description = "Drop everything the target holds first (inside the same all-or-nothing unit).")
    boolean clean;

    @Option(names = "--strict", description = {"Into another engine: refuse (before writing anything) if any column's",
            "values would be stored in another representation, e.g. dates as text or arrays as JSON."})
    boolean strict;

    @Option(names = "--schema", defaultValue = "create", paramLabel = "create|existing",
            converter = SchemaModeConverter.class,
            description = {"create (default): create the archive's schema in an empty target.",
                    "existing: the app already created its tables (its own migrations); check them against the archive",
                    "(tables, columns, types, migration versions per app) and load the rows into them."})
    RestoreSettings.SchemaMode schema;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", paramLabel = "N",
            description = "Tables loaded, indexed and proven at once where the target allows it (MariaDB/MySQL, and PostgreSQL through a staging schema; default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--files-to", paramLabel = "NAME=DIR", description = "Write the archive's file tree NAME into DIR (repeatable).")
    List<String> filesTo = List.of();

    @Option(names = "--secret-to", paramLabel = "NAME=PATH",
            description = "Write the archive's secret NAME to PATH, readable by its owner only (0600) (repeatable).")
    List<String> secretsTo = List.of();

    @Option(names = "--overwrite", description = "Replace files that already exist where --files-to/--secret-to write.")
    boolean overwrite;

    @Mixin
    MergeOptions merge;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    ResumeOptions resumable;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        FileTargets files = new FileTargets(NamedPathOptions.parse("--files-to", filesTo),
                NamedPathOptions.parse("--secret-to", secretsTo), overwrite);
        if (to == null) {
            return filesOnly(files);
        }
        if (merge.merge) {
            if (strict || jobs != 1 || schema != RestoreSettings.SchemaMode.CREATE) {
                System.err.println("note: --merge writes into the target's existing tables in one transaction; --strict,"
                        + " --jobs and --schema do not apply and are ignored.");
            }
            return merge.run(from, to, connection, passphrase, output, clean, !files.isEmpty());
        }
        merge.noteIgnored(System.err);
        RestoreSettings settings = RestoreSettings.of(from, connection.spec(to)).withClean(clean).withStrict(strict)
                .withJobs(jobs).withSchema(schema).withPassphrase(passphrase.passphrase()).withFiles(files);
        RestoreResult result = new Restore(settings, resumable.options(), ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("target", settings.target().redactedUrl());
            summary.put("sourceEngine", result.sourceEngine());
            summary.put("targetEngine", result.targetEngine());
            summary.put("seconds", result.elapsed().toMillis() / 1000.0);
            summary.put("rows", result.rows());
            summary.put("proofs", result.proofs());
            summary.put("changes", result.changes());
            summary.put("preflight", result.preflight());
            summary.put("files", result.files());
            Json.print(System.out, summary);
        } else {
            Formats.printProofs(System.out, result.proofs(), "target");
            Formats.printChanges(System.out, result.changes(), result.targetEngine());
            if (!result.preflight().isEmpty()) {
                System.out.println("Preflight (" + result.preflight().size() + "):");
                result.preflight().forEach(f -> System.out.println("  " + f));
            }
            String how = result.crossEngine() ? " of a " + result.sourceEngine() + " archive" : "";
            String into = settings.target().redactedUrl() + (result.crossEngine() ? " (" + result.targetEngine() + ")" : "");
            String proof = result.crossEngine() ? "every value proven equal to the archive's after the conversions listed"
                    : "proven identical to the archive";
            System.out.printf("Restored %d tables, %s rows%s into %s in %s: %s.%n", result.proofs().size(),
                    Formats.count(result.rows()), how, into, Formats.seconds(result.elapsed()), proof);
            printFiles(System.out, result.files());
        }
        return 0;
    }

    private int filesOnly(FileTargets files) {
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

    private static void printFiles(PrintStream out, RestoredFiles files) {
        for (RestoredFiles.Placed p : files.placed()) {
            out.printf("Restored %s '%s' to %s%s%n", p.kind(), p.name(), p.target(), p.kind().equals("files")
                    ? ": " + Formats.count(p.files()) + " files, " + Formats.bytes(p.bytes()) + ", every SHA-256 checked" : " (mode 0600)");
        }
        files.notRestored().forEach(n -> out.println("not restored: " + n));
        files.warnings().forEach(w -> out.println("warning: " + w));
    }
}
