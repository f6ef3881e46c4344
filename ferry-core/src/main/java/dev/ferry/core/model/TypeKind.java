package dev.ferry.core.model;

/** The portable families of column types; {@link #NATIVE} marks a type with no portable form. */
public enum TypeKind {
    BOOLEAN, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE,
    CHAR, VARCHAR, TEXT, BINARY, VARBINARY, BLOB,
    DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ, INTERVAL,
    UUID, JSON, ENUM, BIT, ARRAY, NATIVE
}
