package dev.ferry.cli;

import dev.ferry.core.archive.FerryVersion;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry}: the top-level command and the one place where failures become exit codes. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryCli.Version.class,
        description = "Portable database backups, restores and transfers that prove themselves, and safe schema migrations.",
        subcommands = {BackupCommand.class, RestoreCommand.class, TransferCommand.class, VerifyCommand.class, DiffCommand.class, InspectCommand.class,
                MigrateCommand.class, UndoCommand.class, StatusCommand.class, RepairCommand.class, DoctorCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure (the message says what and what to do), 2 usage error, 130 interrupted;"
                + " status: 3 pending migrations, 4 schema drift, 5 a failed migration recorded (migrate and undo: 5 too).",
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
        cli.setParameterExceptionHandler(FerryCli::handleUsageError);
        cli.setExecutionStrategy(FerryCli::executeWithDriverLogs);
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
        SecretScrubber secrets = SecretScrubber.of(parsed.originalArgs(), System::getenv);
        String message = e instanceof FerryException ? e.getMessage()
                : "internal error: " + e + " (please report this, with --verbose output)";
        err.println("ferry: " + secrets.scrub(message));
        if (isVerbose(parsed)) {
            if (e instanceof FerryException fe && fe.sqlState() != null) {
                err.println("  SQLState " + fe.sqlState());
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(secrets.scrub(trace.toString()));
        }
        err.flush();
        return exitCode(e);
    }

    /** picocli's usage error output (message, suggestions, usage), with the arguments it echoes scrubbed. */
    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("ferry: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, out)) {
            cli.usage(out, cli.getColorScheme());
        }
        out.flush();
        cli.getErr().print(SecretScrubber.of(List.of(args), System::getenv).scrub(text.toString()));
        cli.getErr().flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Runs the command with the JDBC drivers' java.util.logging records kept off the console (they
     * would break the one-line error and may quote a URL); with --verbose they are shown, scrubbed.
     */
    private static int executeWithDriverLogs(CommandLine.ParseResult parsed) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        if (isVerbose(parsed)) {
            root.addHandler(new ScrubbingLogHandler(parsed.commandSpec().commandLine().getErr(),
                    SecretScrubber.of(parsed.originalArgs(), System::getenv)));
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        return parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    }

    /** Prints the Ferry and Java versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferry " + FerryVersion.VALUE, "Java " + System.getProperty("java.version")};
        }
    }
}
