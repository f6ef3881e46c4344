/**
 * Splitting SQL scripts into statements. {@link dev.ferry.core.script.ScriptSplitter} does the lexing
 * every engine shares (comments, quoted text, a delimiter); each dialect subclasses it for its own
 * rules: PostgreSQL dollar quotes and BEGIN ATOMIC bodies, MariaDB DELIMITER and BEGIN...END routine
 * bodies, SQLite trigger bodies. Public API for dialect authors.
 */
package dev.ferry.core.script;
