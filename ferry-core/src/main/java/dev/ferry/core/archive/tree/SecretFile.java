package dev.ferry.core.archive.tree;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveInput;
import dev.ferry.core.archive.ArchiveOutput;
import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.IoErrors;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A single file an app needs to read its own data (an encryption key, a config), stored sealed in an
 * encrypted archive as {@code secrets/s00001.bin}, with its size and SHA-256 in the (sealed) manifest.
 */
public final class SecretFile {
    private SecretFile() {
    }

    /** Stores secret number {@code number} (1-based) called {@code name}; only into an encrypted archive. */
    public static Manifest.SecretEntry write(ArchiveWriter archive, int number, String name, Path file) {
        if (!archive.encrypted()) {
            throw new FerryException(ErrorCode.USAGE, "--secret-file " + name + " needs --encrypt: secrets are stored only"
                    + " in encrypted archives.");
        }
        String stored = ArchiveFormat.SECRETS_DIR + "/" + String.format(Locale.ROOT, "s%05d.bin", number);
        ArchiveOutput out = archive.newFile(stored, 0);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest sha = TreeWriter.sha256();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            Manifest.SecretEntry entry = new Manifest.SecretEntry(name, file.toAbsolutePath().normalize().toString(), size,
                    HexFormat.of().formatHex(sha.digest()), out.finish());
            archive.record(entry);
            return entry;
        } catch (IOException e) {
            out.abandon();
            throw IoErrors.wrap(e, "storing secret file '" + name + "' from", file);
        }
    }

    /** Streams a stored secret into {@code out}, checking the stored file and the content's size and SHA-256. */
    public static void copy(ArchiveReader archive, Manifest.SecretEntry entry, OutputStream out) {
        try (ArchiveInput in = archive.openFile(entry.stored(), "secret file '" + entry.name() + "'", false)) {
            MessageDigest sha = TreeWriter.sha256();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = readOrCorrupt(in, buffer)) > 0) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            in.finish();
            if (size != entry.bytes() || !HexFormat.of().formatHex(sha.digest()).equals(entry.sha256())) {
                throw in.corrupt("does not hold the content the manifest describes", null);
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "writing secret file '" + entry.name() + "'", Path.of(entry.name()));
        }
    }

    private static int readOrCorrupt(ArchiveInput in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw in.corrupt("cannot be read: " + e.getMessage(), e);
        }
    }
}
