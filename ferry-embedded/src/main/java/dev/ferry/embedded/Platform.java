package dev.ferry.embedded;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.Locale;

/** Embedded PostgreSQL ships Linux x86-64 binaries only; other platforms are refused up front. */
final class Platform {
    private Platform() {
    }

    static boolean isLinuxX64() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        return os.toLowerCase(Locale.ROOT).startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    static void requireLinuxX64() {
        if (!isLinuxX64()) {
            String os = System.getProperty("os.name", "");
            String arch = System.getProperty("os.arch", "");
            throw new FerryException(ErrorCode.UNSUPPORTED, "Embedded PostgreSQL runs on Linux x86-64 only; this is "
                    + os + " " + arch + ". Restore into a PostgreSQL server instead.");
        }
    }
}
