package dev.ferry.cli;

import dev.ferry.core.archive.FerryVersion;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.Redaction;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry}: the top-level command and the one place where failures become exit codes. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryCli.Version.class,
        description = "Portable database backups, restores and transfers that prove themselves.",
        subcommands = {BackupCommand.class, RestoreCommand.class, TransferCommand.class, VerifyCommand.class, DiffCommand.class, InspectCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure (the message says what and what to do), 2 usage error, 130 interrupted.",
                "Run 'ferry help <command>' for a command's options and examples."})
public final class FerryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FerryCli());
        cli.setExecutionExceptionHandler(FerryCli::handleFailure);
        cli.setExitCodeExceptionMapper(FerryCli::exitCode);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    static int exitCode(Throwable e) {
        if (e instanceof FerryException fe) {
            return fe.exitCode();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ErrorCode.USAGE.exitCode();
        }
        return ErrorCode.INTERNAL.exitCode();
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream()
                .anyMatch(p -> p.hasMatchedOption("--verbose"));
        String message = e instanceof FerryException ? e.getMessage()
                : "internal error: " + e + " (please report this, with --verbose output)";
        err.println("ferry: " + Redaction.redact(message, null));
        if (e instanceof FerryException fe && fe.sqlState() != null && verbose) {
            err.println("  SQLState " + fe.sqlState());
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /** Prints the Ferry and Java versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferry " + FerryVersion.VALUE, "Java " + System.getProperty("java.version")};
        }
    }
}
