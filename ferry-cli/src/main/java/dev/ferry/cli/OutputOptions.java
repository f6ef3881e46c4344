package dev.ferry.cli;

import picocli.CommandLine.Option;

/** Options every command shares: machine-readable output and diagnostics. */
final class OutputOptions {
    @Option(names = "--json", description = "Print a machine-readable JSON summary on standard output.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "On failure, also print the stack trace and SQLState.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;
}
