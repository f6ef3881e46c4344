/** Unit tests of dev.ferry.dialect.postgres.restore, without a database. */
package dev.ferry.dialect.postgres.restore;
