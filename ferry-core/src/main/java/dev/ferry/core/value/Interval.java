package dev.ferry.core.value;

/** A SQL interval as PostgreSQL stores it: months, days and microseconds, each kept apart. */
public record Interval(int months, int days, long micros) {
}
