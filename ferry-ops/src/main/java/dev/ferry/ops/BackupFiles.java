package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.tree.SecretFile;
import dev.ferry.core.archive.tree.TreeWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The files part of a backup: {@code --files} trees and {@code --secret-file} secrets. Internal. */
final class BackupFiles {
    private BackupFiles() {
    }

    /** Refuses trees Ferry could not restore safely, before the database is touched. */
    static void check(BackupSettings settings) {
        settings.files().forEach(TreeWriter::check);
    }

    /** Stores every tree and secret into the archive (recorded in its manifest at commit). */
    static void write(BackupSettings settings, ArchiveWriter writer, ProgressListener progress, List<String> warnings) {
        int number = 1;
        for (Map.Entry<String, Path> tree : settings.files().entrySet()) {
            progress.phase("Storing files '" + tree.getKey() + "' from " + tree.getValue(), 0, 0);
            Manifest.TreeEntry entry = new TreeWriter(writer, number++, tree.getKey(), tree.getValue(), warnings).write();
            progress.note("files '" + entry.name() + "': " + entry.files() + " files, " + entry.directories()
                    + " directories, " + entry.links() + " links, " + entry.bytes() + " bytes");
        }
        number = 1;
        for (Map.Entry<String, Path> secret : settings.secretFiles().entrySet()) {
            SecretFile.write(writer, number++, secret.getKey(), secret.getValue());
        }
    }
}
