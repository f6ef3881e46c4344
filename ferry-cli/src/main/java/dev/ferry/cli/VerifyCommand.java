package dev.ferry.cli;

import dev.ferry.ops.Diff;
import dev.ferry.ops.DiffSettings;
import dev.ferry.ops.Verify;
import dev.ferry.ops.VerifyResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check an archive without a database: every file's SHA-256, every row decoded, every table's count and",
                "content hash, every stored file's SHA-256. An encrypted archive needs its passphrase.",
                "With --against, compare the archive with a live database instead (of any engine)."},
        footer = {"", "Exit code 0 when the archive is whole (and equal to the database), 1 otherwise.", "",
                "Examples:", "  ferry verify backups/app-2026-11-23",
                "  ferry verify backups/app-2026-11-23 --against jdbc:postgresql://127.0.0.1/app --user app --rows"})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARCHIVE")
    Path archive;

    @Option(names = "--against", paramLabel = "JDBC-URL", description = "Compare the archive with this live database.")
    String against;

    @Option(names = "--rows", description = "With --against: name the first differing rows of each table that differs.")
    boolean rows;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (against != null) {
            DiffSettings settings = DiffSettings.of(new DiffSettings.Archive(archive, passphrase.passphrase()),
                    new DiffSettings.Database(connection.spec(against))).withRows(rows);
            return DiffPrinter.print(System.out, new Diff(settings, ConsoleProgress.create(output)).run(), output.json);
        }
        VerifyResult result = new Verify(archive, passphrase.passphrase(), ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("archive", archive.toAbsolutePath().toString());
            summary.put("ok", true);
            summary.put("rows", result.rows());
            summary.put("bytes", result.bytes());
            summary.put("files", result.files());
            summary.put("encrypted", result.encrypted());
            summary.put("proofs", result.proofs());
            Json.print(System.out, summary);
        } else {
            Formats.printProofs(System.out, result.proofs(), "decoded");
            System.out.printf("Archive %s is whole: %d tables, %s rows, %s, %s stored files%s, verified in %s.%n", archive,
                    result.proofs().size(), Formats.count(result.rows()), Formats.bytes(result.bytes()),
                    Formats.count(result.files()), result.encrypted() ? ", every file authenticated" : "",
                    Formats.seconds(result.elapsed()));
        }
        return 0;
    }
}
