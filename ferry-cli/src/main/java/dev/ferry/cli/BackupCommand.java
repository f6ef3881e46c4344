package dev.ferry.cli;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up a whole database into a new archive directory, with a consistent snapshot and a proof per table.",
        footer = {"", "Examples:",
                "  ferry backup --from jdbc:sqlite:app.db --to backups/app-2026-11-23",
                "  ferry backup --from jdbc:postgresql://db.local/app --user app --password-env PGPASSWORD --to /backups/app --jobs 4",
                "  ferry backup --from jdbc:mariadb://127.0.0.1/app?user=root --to app.ferry --exclude-table 'django_session'",
                "  ferry backup --from jdbc:mariadb://127.0.0.1/semaphore?user=root --to project5.ferry --root 'project:id=5' --with-children",
                "  ferry backup --from jdbc:postgresql://127.0.0.1/inventree --to /backups/inv --files media=/srv/inventree/media \\",
                "      --exclude-data django_session --encrypt --passphrase-env FERRY_PASSPHRASE --secret-file config=/etc/inventree/config.yaml"})
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "JDBC-URL", description = "The database to back up (only read, never written).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PATH", description = "The archive directory to create; must not exist.")
    Path to;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", paramLabel = "N",
            description = "Tables read in parallel from one shared snapshot (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--schema", paramLabel = "NAME", description = "Only these schemas (repeatable). Default: every non-system schema.")
    List<String> schemas = List.of();

    @Option(names = "--exclude-table", paramLabel = "NAME", description = "Leave out tables by name or glob, e.g. 'audit_*' (repeatable).")
    List<String> excludeTables = List.of();

    @Option(names = "--compression", defaultValue = "3", paramLabel = "LEVEL", description = "zstd level 1-19 (default: ${DEFAULT-VALUE}).")
    int compression;

    @Option(names = "--chunk-rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows per archive chunk, at most 1,000,000 (the default). A resumed restore keeps every whole"
                    + " chunk of a table it was loading, so smaller chunks lose less work to an interruption.")
    long chunkRows;

    @Option(names = "--exclude-data", paramLabel = "NAME",
            description = "Keep a table's schema but leave out its rows, by name or glob, e.g. 'django_session' (repeatable).")
    List<String> excludeData = List.of();

    @Option(names = "--files", paramLabel = "NAME=DIR",
            description = "Also store a directory tree that belongs to the database, e.g. media=/srv/app/media (repeatable).")
    List<String> files = List.of();

    @Option(names = "--secret-file", paramLabel = "NAME=PATH",
            description = "Also store a file the app needs to read its data (a key, a config); needs --encrypt (repeatable).")
    List<String> secretFiles = List.of();

    @Option(names = "--root", paramLabel = "TABLE:CONDITION",
            description = "Export only these rows and every row they reference, e.g. \"project:id=5\" (repeatable). The"
                    + " condition uses the table's columns, literals, comparisons, IN, IS NULL, AND, OR, NOT.")
    List<String> roots = List.of();

    @Option(names = "--with-children", description = "With --root: also every row referencing the roots, transitively,"
            + " with the rows those reference.")
    boolean withChildren;

    @Option(names = "--encrypt", description = "Encrypt every file of the archive (AES-256-GCM, key from the passphrase by Argon2id).")
    boolean encrypt;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (encrypt != passphrase.given()) {
            throw new FerryException(ErrorCode.USAGE, encrypt ? "--encrypt needs a passphrase: --passphrase-env VAR or"
                    + " --passphrase-file PATH." : "A passphrase was given without --encrypt; add --encrypt to encrypt the archive.");
        }
        BackupSettings settings = new BackupSettings(connection.spec(from), to, jobs, schemas, excludeTables, compression,
                excludeData, NamedPathOptions.parse("--files", files), NamedPathOptions.parse("--secret-file", secretFiles),
                encrypt ? Encryption.of(passphrase.passphrase()) : null).withRoots(roots, withChildren).withChunkRows(chunkRows);
        BackupResult result = new Backup(settings, ConsoleProgress.create(output)).run();
        Manifest m = result.manifest();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("archive", result.archive().toString());
            summary.put("seconds", result.elapsed().toMillis() / 1000.0);
            summary.put("readers", result.readers());
            summary.put("manifest", m);
            Json.print(System.out, summary);
        } else {
            System.out.printf("Backed up %d tables, %s rows (%s compressed) from %s %s in %s to %s%s%n", m.tables().size(),
                    Formats.count(m.totalRows()), Formats.bytes(m.totalBytes()), m.source().product(),
                    m.source().version(), Formats.seconds(result.elapsed()), result.archive(), encrypt ? " (encrypted)" : "");
            m.trees().forEach(t -> System.out.printf("Stored files '%s': %s files, %s from %s%n", t.name(),
                    Formats.count(t.files()), Formats.bytes(t.bytes()), t.source()));
            m.secrets().forEach(sf -> System.out.printf("Stored secret '%s' from %s%n", sf.name(), sf.source()));
            m.dataExcluded().forEach(t -> System.out.printf("Schema only, rows left out: %s%n", t));
            if (m.partial() != null) {
                System.out.printf("Partial: the rows of %s%s and every row they reference%n",
                        String.join(", ", m.partial().roots()), m.partial().withChildren() ? ", their children" : "");
            }
            m.warnings().forEach(w -> System.out.println("warning: " + w));
        }
        return 0;
    }
}
