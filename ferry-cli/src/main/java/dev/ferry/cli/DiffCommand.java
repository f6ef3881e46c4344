package dev.ferry.cli;

import dev.ferry.ops.Diff;
import dev.ferry.ops.DiffSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two live databases, of one engine or two: schema differences, then per table the row count",
                "and content hash of each side (values of another engine compared as a restore would convert them).",
                "Nothing is written."},
        footer = {"", "Exit code 0 when equal, 1 when they differ (or on failure).", "", "Examples:",
                "  ferry diff jdbc:sqlite:app.db jdbc:postgresql://127.0.0.1/app --b-user postgres",
                "  ferry diff jdbc:postgresql://pg12/app jdbc:postgresql://pg17/app --user app --password-env PGPASSWORD --rows"})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JDBC-URL-A")
    String urlA;

    @Parameters(index = "1", paramLabel = "JDBC-URL-B")
    String urlB;

    @Option(names = "--rows", description = "For each table that differs, name the first differing rows by key.")
    boolean rows;

    @Option(names = "--max-rows", defaultValue = "10", paramLabel = "N", description = "Differing rows shown per table (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--schema", paramLabel = "NAME", description = "Only these schemas (repeatable).")
    List<String> schemas = List.of();

    @Option(names = "--a-user", paramLabel = "NAME", description = "User for A (default: --user).")
    String userA;

    @Option(names = "--a-password-env", paramLabel = "VAR", description = "Password variable for A (default: --password-env).")
    String passwordEnvA;

    @Option(names = "--b-user", paramLabel = "NAME", description = "User for B (default: --user).")
    String userB;

    @Option(names = "--b-password-env", paramLabel = "VAR", description = "Password variable for B (default: --password-env).")
    String passwordEnvB;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        DiffSettings.Side a = new DiffSettings.Database(ConnectionOptions.spec(urlA, or(userA, connection.user),
                or(passwordEnvA, connection.passwordEnv)));
        DiffSettings.Side b = new DiffSettings.Database(ConnectionOptions.spec(urlB, or(userB, connection.user),
                or(passwordEnvB, connection.passwordEnv)));
        DiffSettings settings = new DiffSettings(a, b, rows, maxRows, schemas);
        return DiffPrinter.print(System.out, new Diff(settings, ConsoleProgress.create(output)).run(), output.json);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
