package dev.ferry.cli;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.Verify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ferry's main job on an embedded SQLite database, no server needed: create a sample app database",
                "(core and plugin tables, a foreign-key cycle, a self-reference, every common type), back it up,",
                "verify the archive, restore it into a fresh SQLite file and print the proof."})
final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".ferry-demo";

    @Option(names = "--dir", defaultValue = "ferry-demo", paramLabel = "DIR",
            description = "Working directory for the demo files (default: ${DEFAULT-VALUE}); emptied at the start.")
    Path dir;

    @Option(names = "--items", defaultValue = "50000", paramLabel = "N", description = "Inventory items to generate (default: ${DEFAULT-VALUE}).")
    int items;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException, SQLException {
        prepare();
        Path source = dir.resolve("app.db");
        Path archive = dir.resolve("app-backup");
        Path restored = dir.resolve("restored.db");
        System.out.println("1. Creating a sample app database " + source);
        new DemoDatabase().create(source, items);
        ProgressListener progress = ConsoleProgress.create(output);
        System.out.println("2. ferry backup --from jdbc:sqlite:" + source + " --to " + archive);
        BackupResult backup = new Backup(BackupSettings.of(ConnectionSpec.of("jdbc:sqlite:" + source), archive), progress).run();
        System.out.printf("   %d tables, %s rows, %s compressed, in %s%n", backup.manifest().tables().size(),
                Formats.count(backup.manifest().totalRows()), Formats.bytes(backup.manifest().totalBytes()),
                Formats.seconds(backup.elapsed()));
        System.out.println("3. ferry verify " + archive);
        new Verify(archive, progress).run();
        System.out.println("   every checksum and every row checked");
        System.out.println("4. ferry restore --from " + archive + " --to jdbc:sqlite:" + restored);
        RestoreResult restore = new Restore(RestoreSettings.of(archive, ConnectionSpec.of("jdbc:sqlite:" + restored)), progress).run();
        System.out.println();
        Formats.printProofs(System.out, restore.proofs(), "restored");
        System.out.printf("%nProof: %d tables, %s rows restored into %s and proven identical to %s.%n", restore.proofs().size(),
                Formats.count(restore.rows()), restored, source);
        System.out.println("Try: ./ferry inspect " + archive);
        return 0;
    }

    private void prepare() throws IOException {
        if (Files.exists(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, dir.toAbsolutePath()
                        + " exists and is not a Ferry demo directory; pass --dir with a new path.");
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(MARKER));
    }
}
