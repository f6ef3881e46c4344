package dev.ferry.cli;

import dev.ferry.migrate.MigrationSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a command that takes the migration lock waits while another process holds it. */
final class LockOptions {
    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait while another process migrates, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--wait", description = "After the lock timeout, keep retrying with back-off (up to 30 s between tries)"
            + " instead of failing: for containers that start while another replica migrates.")
    boolean waitForLock;

    MigrationSettings apply(MigrationSettings settings) {
        return settings.withLockTimeout(lockTimeout).withWaitForLock(waitForLock);
    }
}
