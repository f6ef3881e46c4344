/**
 * PostgreSQL text forms of values: parsing the server's output text into Ferry's portable values,
 * and writing portable values in COPY text format. Internal to the PostgreSQL dialect; pure code,
 * no JDBC, unit-tested without a database.
 */
package dev.ferry.dialect.postgres.text;
