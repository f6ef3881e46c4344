package dev.ferry.migrate.run;

import java.net.InetAddress;

/** Who is running a migration, for the history: {@code user@host pid 4711}. */
final class RunBy {
    private static final String VALUE = System.getProperty("user.name") + "@" + host() + " pid " + ProcessHandle.current().pid();

    private RunBy() {
    }

    static String current() {
        return VALUE;
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
