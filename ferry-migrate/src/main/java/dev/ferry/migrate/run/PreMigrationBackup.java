package dev.ferry.migrate.run;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The archive taken before a migration or undo changes anything, named
 * {@code <database>-<UTC time>-before-<what>} in the backup directory; afterwards only the newest
 * {@code keepBackups} of that database's pre-migration archives are kept (Ferry deletes nothing
 * else there). Ferry's lock table is left out: a restore must not bring back a lock.
 */
public final class PreMigrationBackup {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    private PreMigrationBackup() {
    }

    /** Takes the backup and prunes old ones; returns the new archive's absolute path. */
    public static Path take(Session session, String what, ProgressListener progress) {
        Path dir = session.settings().backupDirectory().toAbsolutePath();
        String database = safe(session.server().database());
        Path archive = dir.resolve(database + "-" + TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-before-" + safe(what));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot create the backup directory " + dir + ": " + e.getMessage()
                    + ". Choose another with --backup-dir, or skip the backup with --no-backup.", e);
        }
        progress.note("Backing up " + session.settings().database().redactedUrl() + " to " + archive);
        BackupSettings settings = BackupSettings.of(session.settings().database(), archive)
                .withExcludeTables(List.of("ferry_migration_lock"));
        new Backup(settings, ProgressListener.NONE).run();
        prune(dir, database, session.settings().keepBackups(), progress);
        return archive;
    }

    private static void prune(Path dir, String database, int keep, ProgressListener progress) {
        Pattern ours = Pattern.compile(Pattern.quote(database) + "-\\d{8}T\\d{9}Z-before-.+");
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> backups = entries.filter(p -> ours.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.exists(p.resolve(ArchiveFormat.MANIFEST)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
            for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                deleteTree(old);
                progress.note("Removed old pre-migration backup " + old + " (keeping the newest " + keep + ")");
            }
        } catch (IOException e) {
            progress.note("Could not prune old backups in " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String safe(String name) {
        return name == null ? "database" : name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
