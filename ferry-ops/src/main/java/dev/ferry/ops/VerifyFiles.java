package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.tree.SecretFile;
import dev.ferry.core.archive.tree.TreeItem;
import dev.ferry.core.archive.tree.TreeReader;
import java.io.OutputStream;

/** Checks every stored tree (safety rules, every file's SHA-256, every part) and secret of an archive. Internal. */
final class VerifyFiles {
    private VerifyFiles() {
    }

    /** Returns the number of files checked (tree files and secrets). */
    static long verify(ArchiveReader archive, ProgressListener progress) {
        long files = 0;
        for (Manifest.TreeEntry tree : archive.manifest().trees()) {
            progress.phase("Verifying files '" + tree.name() + "' (" + tree.files() + " files)", 0, 0);
            try (TreeReader reader = new TreeReader(archive, tree, true)) {
                for (TreeItem item = reader.next(); item != null; item = reader.next()) {
                    if (item.isFile()) {
                        reader.copyTo(item, OutputStream.nullOutputStream());
                        files++;
                    }
                }
            }
        }
        for (Manifest.SecretEntry secret : archive.manifest().secrets()) {
            SecretFile.copy(archive, secret, OutputStream.nullOutputStream());
            files++;
        }
        return files;
    }
}
