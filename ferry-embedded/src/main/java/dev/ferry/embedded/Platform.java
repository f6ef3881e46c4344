package dev.ferry.embedded;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.Locale;

/** Embedded PostgreSQL ships Linux x86-64 binaries only; other platforms are refused up front. */
final class Platform {
    private Platform() {
    }

    static void requireLinuxX64() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        boolean linux = os.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (!linux || !x64) {
            throw new FerryException(ErrorCode.UNSUPPORTED, "Embedded PostgreSQL runs on Linux x86-64 only; this is "
                    + os + " " + arch + ". Restore into a PostgreSQL server instead.");
        }
    }
}
