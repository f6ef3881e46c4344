package dev.ferry.ops;

import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore where.
 *
 * @param clean      drop what the target already holds (inside the same all-or-nothing unit) instead of
 *                   refusing a non-empty target
 * @param passphrase the passphrase of an encrypted archive; null for a plain one
 * @param files      where the archive's file trees and secrets go ({@link FileTargets#NONE}: nowhere)
 */
public record RestoreSettings(Path archive, ConnectionSpec target, boolean clean, Passphrase passphrase, FileTargets files) {
    public RestoreSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(target, "target");
        files = files == null ? FileTargets.NONE : files;
    }

    /** A plain archive, its database only. */
    public RestoreSettings(Path archive, ConnectionSpec target, boolean clean) {
        this(archive, target, clean, null, FileTargets.NONE);
    }

    public static RestoreSettings of(Path archive, ConnectionSpec target) {
        return new RestoreSettings(archive, target, false);
    }

    public RestoreSettings withClean(boolean value) {
        return new RestoreSettings(archive, target, value, passphrase, files);
    }

    public RestoreSettings withPassphrase(Passphrase value) {
        return new RestoreSettings(archive, target, clean, value, files);
    }

    public RestoreSettings withFiles(FileTargets value) {
        return new RestoreSettings(archive, target, clean, passphrase, value);
    }
}
