package dev.ferry.ops;

import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore where.
 *
 * @param clean drop what the target already holds (inside the same all-or-nothing unit) instead of
 *              refusing a non-empty target
 */
public record RestoreSettings(Path archive, ConnectionSpec target, boolean clean) {
    public RestoreSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(target, "target");
    }

    public static RestoreSettings of(Path archive, ConnectionSpec target) {
        return new RestoreSettings(archive, target, false);
    }

    public RestoreSettings withClean(boolean value) {
        return new RestoreSettings(archive, target, value);
    }
}
