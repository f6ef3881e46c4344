package dev.ferry.core.spi;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the dialect for a JDBC URL or an archive's engine id among those on the class path. */
public final class Dialects {
    private static final List<Dialect> ALL = load();

    private Dialects() {
    }

    private static List<Dialect> load() {
        List<Dialect> found = new ArrayList<>();
        ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).forEach(found::add);
        return List.copyOf(found);
    }

    public static List<Dialect> all() {
        return ALL;
    }

    public static Dialect forUrl(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new FerryException(ErrorCode.USAGE, "'" + Redaction.redactUrl(url) + "' is not a JDBC URL; "
                    + "use one of: " + prefixes() + " (for example jdbc:sqlite:app.db)");
        }
        return ALL.stream().filter(d -> d.acceptsUrl(url)).findFirst()
                .orElseThrow(() -> new FerryException(ErrorCode.UNKNOWN_ENGINE, "No Ferry dialect handles '"
                        + scheme(url) + "' URLs; supported URL prefixes: " + prefixes()));
    }

    public static Dialect forId(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new FerryException(ErrorCode.UNKNOWN_ENGINE, "No Ferry dialect for engine '"
                        + id + "'; available: " + ALL.stream().map(Dialect::id).collect(Collectors.joining(", "))));
    }

    /** {@code jdbc:oracle:} of {@code jdbc:oracle:thin:scott/tiger@db}: the rest may hold a password in any syntax. */
    private static String scheme(String url) {
        int colon = url.indexOf(':', "jdbc:".length());
        return colon < 0 ? "jdbc:" : url.substring(0, colon + 1);
    }

    private static String prefixes() {
        return ALL.stream().flatMap(d -> d.urlPrefixes().stream()).collect(Collectors.joining(", "));
    }
}
