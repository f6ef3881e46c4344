/** Tests of the PostgreSQL dialect: {@code *Test} without a database, {@code *IT} against a real server. */
package dev.ferry.dialect.postgres;
