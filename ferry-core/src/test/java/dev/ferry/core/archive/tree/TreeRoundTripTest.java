package dev.ferry.core.archive.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees stored and restored byte-identical (modes, times, links), conflicts, and all-or-nothing placement. */
class TreeRoundTripTest {
    @TempDir
    Path dir;

    Path media;

    @BeforeEach
    void sourceTree() throws Exception {
        media = dir.resolve("media");
        Files.createDirectories(media.resolve("photos/2026/empty"));
        Files.createDirectories(media.resolve("readonly"));
        write(media.resolve("photos/2026/a.jpg"), 5_000, "2026-01-02T03:04:05.123456789Z", "rw-r--r--");
        write(media.resolve("photos/b.bin"), 2_500, "2025-06-01T00:00:00Z", "rwxr-x---");
        write(media.resolve("photos/zero"), 0, "2024-02-29T12:00:00.5Z", "rw-------");
        write(media.resolve("readonly/key.pem"), 100, "2023-03-03T03:03:03Z", "r--------");
        write(media.resolve("Ärger ü.txt"), 10, "2022-01-01T00:00:00Z", "rw-rw-r--");
        Files.createSymbolicLink(media.resolve("photos/2026/latest"), Path.of("../b.bin"));
        Files.createSymbolicLink(media.resolve("current"), Path.of("photos/2026"));
        Files.setPosixFilePermissions(media.resolve("readonly"), PosixFilePermissions.fromString("r-xr-xr-x"));
        TestArchives.touch(media.resolve("readonly"), "2021-05-05T05:05:05Z");
        TestArchives.touch(media.resolve("photos/2026/empty"), "2020-01-01T00:00:00Z");
        new ProcessBuilder("mkfifo", media.resolve("a-pipe").toString()).start().waitFor();
    }

    @Test
    void aTreeRoundTripsIdenticallyAcrossManySmallParts() throws IOException {
        roundTrip(null);
    }

    @Test
    void anEncryptedTreeRoundTripsIdentically() throws IOException {
        roundTrip(TestArchives.CHEAP);
    }

    private void roundTrip(Encryption encryption) throws IOException {
        List<String> warnings = new ArrayList<>();
        ArchiveReader archive = TestArchives.withTrees(dir.resolve("backup"), Map.of("media", media), 1000, encryption, warnings);
        Manifest.TreeEntry tree = archive.manifest().trees().get(0);
        assertThat(tree.files()).isEqualTo(5);
        assertThat(tree.links()).isEqualTo(2);
        assertThat(tree.bytes()).isEqualTo(7_610);
        assertThat(tree.parts()).hasSize(8);
        assertThat(warnings).singleElement().asString().contains("a-pipe");
        Path restored = dir.resolve("out/restored-media");
        restore(archive, tree, restored, false);
        Files.delete(media.resolve("a-pipe"));
        assertThat(TestArchives.describe(restored)).isEqualTo(TestArchives.describe(media)).hasSize(11);
    }

    @Test
    void intoAnExistingDirectoryNewEntriesArePlacedAndExistingFilesAreConflicts() throws IOException {
        ArchiveReader archive = TestArchives.withTrees(dir.resolve("backup"), Map.of("media", media), 1 << 20, null, new ArrayList<>());
        Manifest.TreeEntry tree = archive.manifest().trees().get(0);
        Path target = dir.resolve("live");
        Files.createDirectories(target.resolve("photos"));
        Files.writeString(target.resolve("photos/b.bin"), "mine");
        Files.writeString(target.resolve("unrelated.txt"), "keep");

        TreeRestore refused = new TreeRestore(archive, tree, target, false);
        assertThat(refused.check()).singleElement().asString().contains("b.bin exists").contains("--overwrite");
        assertThat(Files.readString(target.resolve("photos/b.bin"))).isEqualTo("mine");

        restore(archive, tree, target, true);
        assertThat(Files.readAllBytes(target.resolve("photos/b.bin"))).isEqualTo(Files.readAllBytes(media.resolve("photos/b.bin")));
        assertThat(Files.readString(target.resolve("unrelated.txt"))).isEqualTo("keep");
        assertThat(Files.readSymbolicLink(target.resolve("current"))).isEqualTo(Path.of("photos/2026"));
        try (var left = Files.list(target)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".ferry-"));
        }
    }

    @Test
    void aRollbackPutsReplacedFilesBackAndRemovesEverythingPlaced() throws IOException {
        ArchiveReader archive = TestArchives.withTrees(dir.resolve("backup"), Map.of("media", media), 1 << 20, null, new ArrayList<>());
        Manifest.TreeEntry tree = archive.manifest().trees().get(0);
        Path target = dir.resolve("live");
        Files.createDirectories(target.resolve("photos"));
        Files.writeString(target.resolve("photos/b.bin"), "mine");
        List<String> before = TestArchives.describe(target);
        TreeRestore restore = new TreeRestore(archive, tree, target, true);
        assertThat(restore.check()).isEmpty();
        MoveJournal journal = new MoveJournal();
        restore.stage(journal);
        restore.publish(journal);
        assertThat(Files.exists(target.resolve("current"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        journal.rollback(new RuntimeException("a later step failed"));
        assertThat(TestArchives.describe(target)).as("the same files; the directory's own time changed with the renames")
                .usingElementComparator((a, b) -> a.replaceAll("dir (\\d+) .*", "dir $1").compareTo(b.replaceAll("dir (\\d+) .*", "dir $1")))
                .isEqualTo(before);
        try (var left = Files.list(target)) {
            assertThat(left.count()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedPartFailsTheStagingAndLeavesNothing() throws IOException {
        ArchiveReader archive = TestArchives.withTrees(dir.resolve("backup"), Map.of("media", media), 1000, null, new ArrayList<>());
        Manifest.TreeEntry tree = archive.manifest().trees().get(0);
        Path part = archive.root().resolve(tree.parts().get(3).file());
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(part, bytes);
        Path target = dir.resolve("new/media");
        TreeRestore restore = new TreeRestore(archive, tree, target, false);
        assertThat(restore.check()).isEmpty();
        MoveJournal journal = new MoveJournal();
        assertThatThrownBy(() -> restore.stage(journal)).isInstanceOf(FerryException.class)
                .hasMessageContaining(tree.parts().get(3).file())
                .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.ARCHIVE_CORRUPT);
        journal.rollback(null);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("media", "backup");
        }
    }

    @Test
    void linksLeavingTheTreeAreRefusedBeforeABackup() throws IOException {
        Files.createSymbolicLink(media.resolve("photos/escape"), Path.of("../../outside"));
        Files.createSymbolicLink(media.resolve("passwd"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> TreeWriter.check("media", media)).isInstanceOf(FerryException.class)
                .hasMessageContaining("photos/escape").hasMessageContaining("passwd").hasMessageContaining("/etc/passwd");
    }

    static void restore(ArchiveReader archive, Manifest.TreeEntry tree, Path target, boolean overwrite) {
        TreeRestore restore = new TreeRestore(archive, tree, target, overwrite);
        assertThat(restore.check()).isEmpty();
        MoveJournal journal = new MoveJournal();
        restore.stage(journal);
        restore.publish(journal);
        assertThat(journal.commit()).isEmpty();
    }

    private static void write(Path file, int size, String mtime, String mode) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        TestArchives.touch(file, mtime);
    }
}
