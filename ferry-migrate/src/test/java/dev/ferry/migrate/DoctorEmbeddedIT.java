package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.embedded.testing.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doctor on a PostgreSQL of the bundled major builds the expected schema in a throw-away embedded
 * PostgreSQL of that major (the "embedded PostgreSQL for PostgreSQL targets"), needing no
 * privilege on the live server.
 */
class DoctorEmbeddedIT {
    @TempDir
    Path dir;

    @Test
    void buildsTheExpectedSchemaInAnEmbeddedPostgresOfTheSameMajor() throws Exception {
        ConnectionSpec live = SharedPostgres.freshDatabase(17);
        Migrations m = Migrations.configure(live, Fixture.write(dir).toString()).withBackupDirectory(dir.resolve("backups"));
        m.migrate();
        try (Connection c = DriverManager.getConnection(live.url(), live.user(), live.password()); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE items DROP COLUMN destination");
        }
        DoctorReport report = m.doctor(false);
        assertThat(report.expectedFrom()).contains("throw-away embedded PostgreSQL 17");
        assertThat(report.findings()).extracting(DoctorReport.Finding::description)
                .anyMatch(f -> f.contains("items.destination"));
    }
}
