package dev.ferry.core.spi;

/**
 * The outcome of one try to take the migration lock: the lock, or a description of who holds it
 * ("PostgreSQL backend 4711 (ferry, 10.0.0.5) since 2026-12-01T21:30:01Z").
 */
public record LockAttempt(MigrationLock lock, String holder) {

    public static LockAttempt acquired(MigrationLock lock) {
        return new LockAttempt(lock, null);
    }

    public static LockAttempt heldBy(String holder) {
        return new LockAttempt(null, holder);
    }

    public boolean isAcquired() {
        return lock != null;
    }
}
