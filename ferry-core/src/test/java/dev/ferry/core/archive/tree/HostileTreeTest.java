package dev.ferry.core.archive.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made to attack the restoring machine: every one is refused by the check, before anything is written. */
class HostileTreeTest {
    private static final String SHA_OF_X = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void pathsThatLeaveTheTreeAreRefused() {
        refused("climbs out", file("../evil"));
        refused("climbs out", dir("a"), file("a/../../evil"));
        refused("absolute", file("/etc/cron.d/evil"));
        refused("NUL", file("a\0b"));
        refused("empty or '.'", file("a//b"));
        refused("empty or '.'", file("./b"));
    }

    @Test
    void linksThatLeaveTheTreeAreRefused() {
        refused("leaves the tree", link("escape", "../outside"));
        refused("leaves the tree", dir("a"), link("a/escape", "../../outside"));
        refused("absolute path", link("passwd", "/etc/passwd"));
        refused("'..' after a name", dir("a"), link("a/l", "b/../../x"));
    }

    @Test
    void nothingIsWrittenThroughALink() {
        refused("not a directory of the tree", dir("a"), link("a/l", "."), file("a/l/evil"));
        refused("not a directory of the tree", file("f"), file("f/g"));
    }

    @Test
    void deviceFilesAndUnknownTypesAreRefused() {
        refused("device files, pipes and sockets are never restored", new TreeItem("sda", "device", null, null, T, null, null));
        refused("device files, pipes and sockets are never restored", new TreeItem("p", "fifo", null, null, T, null, null));
        refused("unknown type", new TreeItem("x", "hardlink", null, null, T, null, "y"));
        refused("valid size and SHA-256", new TreeItem("x", "file", -1L, "0644", T, SHA_OF_X, null));
        refused("three octal digits", new TreeItem("x", "file", 1L, "4755", T, SHA_OF_X, null));
    }

    @Test
    void duplicateAndReorderedNamesAreRefused() {
        refused("listed twice", file("a"), file("a"));
        refused("listed twice", dir("d"), dir("d"));
        refused("out of order", file("b"), file("a"));
    }

    @Test
    void aSafeTreeFromTheSameHelperIsRestored() throws Exception {
        ArchiveReader archive = TestArchives.hostile(dir.resolve("archive"), List.of(dir("a"), link("a/l", "x"), file("a/x")),
                "x".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path target = dir.resolve("target");
        TreeRoundTripTest.restore(archive, archive.manifest().trees().get(0), target, false);
        assertThat(Files.readString(target.resolve("a/l"))).isEqualTo("x");
    }

    private void refused(String reason, TreeItem... items) {
        Path archivePath = dir.resolve("archive-" + System.nanoTime());
        ArchiveReader archive = TestArchives.hostile(archivePath, List.of(items), "x".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path target = dir.resolve("target");
        for (boolean existing : new boolean[] {false, true}) {
            if (existing) {
                target.toFile().mkdirs();
            }
            TreeRestore restore = new TreeRestore(archive, archive.manifest().trees().get(0), target, true);
            assertThatThrownBy(restore::check).as(reason).isInstanceOf(FerryException.class)
                    .hasMessageContaining("unsafe entry").hasMessageContaining(reason).hasMessageContaining("Nothing was written")
                    .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.ARCHIVE_CORRUPT);
            assertThat(target.toFile().list() == null || target.toFile().list().length == 0).as("nothing written").isTrue();
        }
        target.toFile().delete();
    }

    private static TreeItem file(String path) {
        return TreeItem.file(path, 1, "0644", T, SHA_OF_X);
    }

    private static TreeItem dir(String path) {
        return TreeItem.dir(path, "0755", T);
    }

    private static TreeItem link(String path, String target) {
        return TreeItem.link(path, target);
    }
}
