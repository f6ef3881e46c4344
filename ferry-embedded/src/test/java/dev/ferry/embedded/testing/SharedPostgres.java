package dev.ferry.embedded.testing;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.embedded.BinariesDirectory;
import dev.ferry.embedded.EmbeddedPostgres;
import dev.ferry.embedded.EmbeddedPostgresSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded PostgreSQL server per major for the whole test JVM, started on first use and stopped
 * when the JVM exits (by EmbeddedPostgres' own shutdown hook); each test takes a fresh database from it. Majors other than the bundled one
 * come from the jars that maven-dependency-plugin copies into {@code target/pg-binaries} (the
 * parent pom passes that directory as the system property {@value #BINARIES_PROPERTY}).
 */
public final class SharedPostgres {
    public static final String BINARIES_PROPERTY = "ferry.test.postgres.binaries";
    private static final Map<Integer, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private SharedPostgres() {
    }

    /** The running server of {@code major}, started now if this JVM has none yet. */
    public static EmbeddedPostgres major(int major) {
        return SERVERS.computeIfAbsent(major, SharedPostgres::start);
    }

    /** A new empty database on the server of {@code major}. */
    public static ConnectionSpec freshDatabase(int major) {
        String name = "ferry_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return major(major).createDatabase(name);
    }

    /** Where the extra majors' jars are: the build's directory, or nothing outside Maven. */
    public static BinariesDirectory binaries() {
        String dir = System.getProperty(BINARIES_PROPERTY);
        return new BinariesDirectory(dir == null ? List.of() : List.of(Path.of(dir)));
    }

    private static EmbeddedPostgres start(int major) {
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(binaries().find(major)));
        System.out.printf("Embedded PostgreSQL %s started in %d ms (port %d)%n", server.serverVersion(),
                server.startupTime().toMillis(), server.port());
        return server;
    }
}
