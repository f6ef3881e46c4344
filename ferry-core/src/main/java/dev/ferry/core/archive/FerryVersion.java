package dev.ferry.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Ferry itself, as built by Maven; written into every manifest. */
public final class FerryVersion {
    public static final String VALUE = load();

    private FerryVersion() {
    }

    private static String load() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("/dev/ferry/core/ferry-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
