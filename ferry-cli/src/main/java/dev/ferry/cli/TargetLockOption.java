package dev.ferry.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How a restore or transfer waits for the target's lock while another Ferry operation writes to it. */
final class TargetLockOption {
    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = {"While another restore, transfer or migration holds the target's lock, wait up to this long",
                    "(e.g. 30s, 5m) before failing; default 0s: refuse at once, naming the holder."})
    Duration lockTimeout;
}
