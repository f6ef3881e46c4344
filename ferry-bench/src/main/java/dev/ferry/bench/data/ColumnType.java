package dev.ferry.bench.data;

/** The portable column types of the benchmark dataset; each {@link SqlFlavor} spells them. */
public enum ColumnType {
    BIGINT, INT, VARCHAR, TEXT, DECIMAL, BOOLEAN, TIMESTAMP, BLOB
}
