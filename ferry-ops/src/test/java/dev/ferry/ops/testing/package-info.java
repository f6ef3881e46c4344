/** Test harness shared by every dialect's integration tests (published as ferry-ops' test-jar). */
package dev.ferry.ops.testing;
