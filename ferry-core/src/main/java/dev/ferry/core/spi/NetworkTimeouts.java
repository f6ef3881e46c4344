package dev.ferry.core.spi;

import java.util.Locale;
import java.util.Properties;

/**
 * How long a dialect's driver waits on the network, so that a server or link that stops answering
 * (a stalled proxy, a dead NAT entry, a frozen host) ends in an error instead of a hang: connecting
 * may take {@link #CONNECT_SECONDS}; a read may wait {@link #READ_SECONDS} for the server's next byte
 * (long enough for the slowest statement Ferry runs, an index or key check on a very large table);
 * TCP keep-alive is on. A parameter of the same name in the JDBC URL wins, e.g.
 * {@code ?socketTimeout=30} for pgjdbc (seconds) or {@code ?socketTimeout=30000} for MariaDB (ms).
 */
public final class NetworkTimeouts {
    public static final int CONNECT_SECONDS = 30;
    public static final int READ_SECONDS = 3600;

    private NetworkTimeouts() {
    }

    /** Sets {@code key} to {@code value} unless the URL sets it itself. */
    public static void putDefault(Properties properties, String url, String key, String value) {
        if (!hasParameter(url, key)) {
            properties.setProperty(key, value);
        }
    }

    /** Whether the query part of a JDBC URL sets {@code key} (names compared without regard to case). */
    public static boolean hasParameter(String url, String key) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
