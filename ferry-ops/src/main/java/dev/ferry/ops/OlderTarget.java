package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.spi.ServerInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a failed restore that its target runs an older version of the same product than the
 * archive's source ("17.11" against "12.22", "11.4.5-MariaDB" against "10.11.6-MariaDB"): the
 * likely reason a definition or value the source accepted is refused.
 */
final class OlderTarget {
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)*)");

    private OlderTarget() {
    }

    /** A sentence for the error message, or empty when the target is not known to be older. */
    static String hint(Manifest.Source source, ServerInfo target) {
        if (target == null || source.product() == null || !source.product().equals(target.product())
                || !isOlder(target.version(), source.version())) {
            return "";
        }
        return " The archive was made on " + source.product() + " " + source.version() + " and the target runs "
                + target.product() + " " + target.version() + ", an older version that may lack syntax or value ranges"
                + " the source used: restore into " + source.product() + " " + numbers(source.version())
                + " or later, or change those objects in the source first.";
    }

    /** Whether the dotted numbers {@code version} starts with sort before those of {@code than}. */
    static boolean isOlder(String version, String than) {
        String[] a = numbers(version).split("\\.");
        String[] b = numbers(than).split("\\.");
        if (a[0].isEmpty() || b[0].isEmpty()) {
            return false;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
            if (c != 0) {
                return c < 0;
            }
        }
        return a.length < b.length;
    }

    private static String numbers(String version) {
        Matcher m = LEADING_NUMBERS.matcher(version == null ? "" : version);
        return m.find() ? m.group(1) : "";
    }
}
