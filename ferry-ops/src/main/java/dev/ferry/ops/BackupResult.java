package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import java.nio.file.Path;
import java.time.Duration;

/** A completed backup: where the archive is, its manifest, how long it took and with how many readers. */
public record BackupResult(Path archive, Manifest manifest, Duration elapsed, int readers) {
}
