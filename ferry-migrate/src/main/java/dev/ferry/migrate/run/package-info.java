/**
 * Running migrations: the session on the database, the migration lock, the pre-migration backup,
 * one step at a time in the history, recovery advice, and the schema fingerprint behind drift
 * detection. Internal to ferry-migrate.
 */
package dev.ferry.migrate.run;
