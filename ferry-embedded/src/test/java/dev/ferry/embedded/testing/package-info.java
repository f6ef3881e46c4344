/** Test harness: embedded PostgreSQL servers shared by the ITs of one JVM (published as ferry-embedded's test-jar). */
package dev.ferry.embedded.testing;
