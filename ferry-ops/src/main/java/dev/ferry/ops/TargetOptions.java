package dev.ferry.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * How a restore or transfer writes into its target, beyond what goes where. Build it from
 * {@link #DEFAULTS} and the {@code with...} methods.
 *
 * @param lockTimeout       how long to wait for the target's lock while another restore, transfer or
 *                          migration holds it; zero (the default) refuses at once, naming the holder
 * @param singleTransaction write the target in one all-or-nothing unit (the default); false commits each
 *                          table with a checkpoint, so a killed restore can be resumed
 *                          (PostgreSQL and SQLite; MariaDB's staging database is always checkpointed)
 * @param resume            continue a half-restored target from its checkpoints instead of refusing it
 */
public record TargetOptions(Duration lockTimeout, boolean singleTransaction, boolean resume) {
    public static final TargetOptions DEFAULTS = new TargetOptions(Duration.ZERO, true, false);

    public TargetOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("the lock timeout must not be negative, got " + lockTimeout);
        }
    }

    public TargetOptions withLockTimeout(Duration value) {
        return new TargetOptions(value, singleTransaction, resume);
    }

    public TargetOptions withSingleTransaction(boolean value) {
        return new TargetOptions(lockTimeout, value, resume);
    }

    public TargetOptions withResume(boolean value) {
        return new TargetOptions(lockTimeout, singleTransaction, value);
    }
}
