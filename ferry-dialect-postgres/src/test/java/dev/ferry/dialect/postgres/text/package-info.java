/** Unit tests of dev.ferry.dialect.postgres.text, without a database. */
package dev.ferry.dialect.postgres.text;
