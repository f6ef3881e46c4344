/**
 * Ferry's migration history table and its interpretation: applied, failed and interrupted
 * migrations. Internal to ferry-migrate.
 */
package dev.ferry.migrate.history;
