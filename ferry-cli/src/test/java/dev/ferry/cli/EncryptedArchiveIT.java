package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.archive.crypto.KdfParameters;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.FileTargets;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.RestoreFiles;
import dev.ferry.ops.RestoredFiles;
import dev.ferry.ops.Verify;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted archives through the library (cheap Argon2id costs): tampering anywhere, and streaming under -Xmx256m. */
class EncryptedArchiveIT {
    private static final Passphrase PASSPHRASE = Passphrase.of("it passphrase");
    private static final Encryption CHEAP = new Encryption(PASSPHRASE, KdfParameters.argon2id(4096, 1, 1));

    @TempDir
    Path dir;

    @Test
    void aFlippedByteAnywhereInAnyFileIsDetected() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 300);
        Path secret = dir.resolve("key");
        Files.writeString(secret, "k".repeat(100));
        Path archive = dir.resolve("backup");
        new Backup(BackupSettings.of(ConnectionSpec.of("jdbc:sqlite:" + source), archive).withEncryption(CHEAP)
                .withFiles(Map.of("media", FileTrees.media(dir))).withSecretFiles(Map.of("key", secret)),
                ProgressListener.NONE).run();
        new Verify(archive, PASSPHRASE, ProgressListener.NONE).run();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            for (int at : new int[] {0, original.length / 2, original.length - 1}) {
                byte[] bad = original.clone();
                bad[at] ^= 0x04;
                Files.write(file, bad);
                assertThatThrownBy(() -> new Verify(archive, PASSPHRASE, ProgressListener.NONE).run())
                        .as("byte %d of %s", at, archive.relativize(file)).isInstanceOf(FerryException.class)
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.ARCHIVE_CORRUPT);
            }
            Files.write(file, original);
        }
        Path a = archive.resolve("data/t00001-c00000.rows.zst");
        Path b = archive.resolve("data/t00002-c00000.rows.zst");
        Path tmp = dir.resolve("swap");
        Files.move(a, tmp);
        Files.move(b, a);
        Files.move(tmp, b);
        assertThatThrownBy(() -> new Verify(archive, PASSPHRASE, ProgressListener.NONE).run()).isInstanceOf(FerryException.class);
    }

    /** A file several times larger than the heap goes through backup and restore encrypted: memory does not follow file size. */
    @Test
    void aFileLargerThanTheHeapStreamsThroughEncryptedBackupAndRestore() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        long size = 3 * heap;
        assertThat(heap).as("the ITs run with -Xmx256m (failsafe argLine)").isLessThanOrEqualTo(300L << 20);
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 10);
        Path big = dir.resolve("uploads");
        Files.createDirectories(big);
        try (RandomAccessFile f = new RandomAccessFile(big.resolve("video.bin").toFile(), "rw")) {
            f.setLength(size);
            f.seek(size / 3);
            f.write("a few bytes in the middle".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path archive = dir.resolve("backup");
        new Backup(BackupSettings.of(ConnectionSpec.of("jdbc:sqlite:" + source), archive).withEncryption(CHEAP)
                .withFiles(Map.of("uploads", big)), ProgressListener.NONE).run();
        Path out = dir.resolve("restored");
        RestoredFiles placed = new RestoreFiles(archive, PASSPHRASE, new FileTargets(Map.of("uploads", out), null, false),
                ProgressListener.NONE).run();
        assertThat(placed.placed()).singleElement().extracting(RestoredFiles.Placed::bytes).isEqualTo(size);
        assertThat(Files.size(out.resolve("video.bin"))).isEqualTo(size);
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("video.bin").toFile(), "r")) {
            f.seek(size / 3);
            byte[] middle = new byte[25];
            f.readFully(middle);
            assertThat(new String(middle, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("a few bytes in the middle");
        }
    }
}
