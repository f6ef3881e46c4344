/**
 * The {@code ferry} command line: a thin picocli shell over {@code dev.ferry.ops}. One class per
 * subcommand; errors map to exit codes in one place ({@link dev.ferry.cli.FerryCli}). Internal.
 */
package dev.ferry.cli;
