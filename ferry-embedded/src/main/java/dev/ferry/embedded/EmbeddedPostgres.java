package dev.ferry.embedded;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A throw-away PostgreSQL server of a chosen release, for proving a restore without a real server
 * ({@code ferry verify --scratch}) and for testing across majors. It listens on localhost on a free
 * port with trust authentication for user {@code postgres}, runs with fsync off (nothing in it is
 * meant to survive) in the C locale, and on {@link #close()} stops and deletes its data directory.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(PostgresBinaries.bundled()))) {
 *     ConnectionSpec target = pg.createDatabase("scratch");
 * }
 * }</pre>
 *
 * Several servers, of the same or different majors, may run at once in one JVM.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final PostgresBinaries binaries;
    private final ServerFiles files;
    private final Duration startupTime;
    private final String serverVersion;
    private final Thread stopAtExit = new Thread(this::close, "stop embedded PostgreSQL");
    private boolean closed;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, PostgresBinaries binaries,
                             ServerFiles files, Duration startupTime) {
        this.server = server;
        this.binaries = binaries;
        this.files = files;
        this.startupTime = startupTime;
        this.serverVersion = queryServerVersion();
    }

    /** Extracts the binaries and runs initdb (both once per release and cache directory), then starts the server. */
    public static EmbeddedPostgres start(EmbeddedPostgresSettings settings) {
        Platform.requireLinuxX64();
        PostgresBinaries binaries = settings.binaries();
        ServerFiles files = ServerFiles.create(settings.workDirectory());
        long started = System.nanoTime();
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = null;
        try {
            server = launch(settings, files);
            EmbeddedPostgres running = new EmbeddedPostgres(server, binaries, files, Duration.ofNanos(System.nanoTime() - started));
            running.requireMajor(binaries.major());
            Runtime.getRuntime().addShutdownHook(running.stopAtExit);
            return running;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            String log = files.logTail();
            stop(server, files);
            throw e instanceof FerryException fe ? fe : new FerryException(ErrorCode.IO_FAILED, "Starting embedded PostgreSQL "
                    + binaries.version() + " failed: " + rootMessage(e) + (log.isEmpty() ? "" : "\nServer log:\n" + log), e);
        }
    }

    /**
     * The data directory is a copy of the release's {@link InitdbTemplate} when there is one (the
     * library skips initdb for a directory that has a postgresql.conf); otherwise initdb runs and its
     * output becomes the template. The library never deletes the data directory: {@link #close} does.
     */
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres launch(EmbeddedPostgresSettings settings, ServerFiles files)
            throws IOException {
        Redirect log = Redirect.appendTo(files.log().toFile());
        InitdbTemplate template = InitdbTemplate.of(settings.cacheDirectory(), settings.binaries());
        boolean copied = template.copyTo(files.dataDirectory());
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPgBinaryResolver(new ArchiveResolver(settings.binaries()))
                .setOverrideWorkingDirectory(settings.cacheDirectory().toFile())
                .setDataDirectory(files.dataDirectory())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(copied ? null : dataDirectory -> template.saveFrom(dataDirectory.toPath()))
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "50")
                .setPGStartupWait(settings.startupTimeout())
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
    }

    /** The {@code postgres} database, as user postgres without a password. */
    public ConnectionSpec connectionSpec() {
        return spec("postgres");
    }

    /** Creates an empty database ({@code [a-z_][a-z0-9_]*}) and returns how to reach it. */
    public ConnectionSpec createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection c = connect(connectionSpec()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Creating database " + name + " in embedded PostgreSQL "
                    + serverVersion + " failed: " + e.getMessage(), e);
        }
        return spec(name);
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    /** What the server reports, e.g. {@code 12.22}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** From the start call to a server accepting connections, extraction of new binaries included. */
    public Duration startupTime() {
        return startupTime;
    }

    public int port() {
        return server.getPort();
    }

    /**
     * Stops the server (fast shutdown), waits for it to exit and deletes its data directory and log.
     * A server not closed is stopped when the JVM exits.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // this is the shutdown hook running
        }
        stop(server, files);
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + serverVersion + " on port " + port();
    }

    private ConnectionSpec spec(String database) {
        return new ConnectionSpec("jdbc:postgresql://localhost:" + port() + "/" + database, USER, null);
    }

    private String queryServerVersion() {
        try (Connection c = connect(connectionSpec()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new FerryException(ErrorCode.CONNECTION_FAILED, "Embedded PostgreSQL on port " + port()
                    + " started but refuses connections: " + e.getMessage(), e);
        }
    }

    /** A jar whose file name lies about its version must not pass for the major a test asked for. */
    private void requireMajor(int major) {
        if (!serverVersion.startsWith(major + ".")) {
            throw new FerryException(ErrorCode.USAGE, "The binaries " + binaries.archive() + " were taken for PostgreSQL "
                    + binaries.version() + " but the server reports " + serverVersion + ". Use the jar "
                    + binaries.coordinates() + " as Maven names it.");
        }
    }

    /** pg_ctl stop through the library (which waits 5 s at most), then until the postmaster has exited; then the files go. */
    private static void stop(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, ServerFiles files) {
        java.util.Optional<ProcessHandle> postmaster = files.postmaster();
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the library logs a failed pg_ctl stop; the postmaster is stopped below either way
            }
        }
        postmaster.ifPresent(ServerFiles::stop);
        files.delete();
    }

    private static Connection connect(ConnectionSpec spec) throws SQLException {
        return DriverManager.getConnection(spec.url(), spec.user(), spec.password());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
