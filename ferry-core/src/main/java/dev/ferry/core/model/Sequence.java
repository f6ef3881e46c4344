package dev.ferry.core.model;

/**
 * A stand-alone or owned sequence and where it stands.
 *
 * @param lastValue the sequence's last_value at backup time
 * @param called    false if nextval() has never been called (the next value is lastValue itself)
 * @param ownedBy   the table column owning it (serial/identity), or null
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                       boolean cycle, long lastValue, boolean called, ColumnRef ownedBy) {

    /** A reference to a column of a table. */
    public record ColumnRef(QualifiedName table, String column) {
    }
}
