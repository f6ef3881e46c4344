/** Unit tests of dev.ferry.dialect.postgres.introspect, without a database. */
package dev.ferry.dialect.postgres.introspect;
