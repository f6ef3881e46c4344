package dev.ferry.cli;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import picocli.CommandLine.Option;

/**
 * Credentials for the database side of a command. The password never has to be on the command
 * line: it comes from the URL, or from the environment variable named by {@code --password-env}.
 */
final class ConnectionOptions {
    @Option(names = "--user", paramLabel = "NAME", description = "Database user (or put it in the JDBC URL).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from environment variable VAR, e.g. --password-env PGPASSWORD.")
    String passwordEnv;

    ConnectionSpec spec(String url) {
        return spec(url, user, passwordEnv);
    }

    /** A connection spec whose password, if any, comes from the environment variable {@code passwordEnv}. */
    static ConnectionSpec spec(String url, String user, String passwordEnv) {
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new FerryException(ErrorCode.USAGE, "--password-env " + passwordEnv
                        + ": that environment variable is not set. Export it first, e.g. export " + passwordEnv + "=...");
            }
        }
        return new ConnectionSpec(url, user, password);
    }
}
