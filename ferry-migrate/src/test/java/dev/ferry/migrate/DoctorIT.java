package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.Fixture.Engine;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database whose history claims the latest version but lost a column: doctor finds it, names the
 * migration it comes from, plans the repair, and --fix puts it back so status is clean again.
 */
class DoctorIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsAMissingColumnAndFixesIt(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Migrations m = Migrations.configure(db.spec(), Fixture.write(dir).toString()).withBackupDirectory(dir.resolve("backups"));
            m.migrate();
            Fixture.execute(db, "ALTER TABLE items DROP COLUMN destination");
            Fixture.execute(db, "CREATE TABLE stray (id INTEGER)");
            assertThat(m.status().exitCode()).isEqualTo(4);

            DoctorReport report = m.doctor(false);
            assertThat(report.claimed()).containsEntry("core", "3").containsEntry("billing", "1");
            assertThat(report.findings()).extracting(DoctorReport.Finding::description).hasSize(2)
                    .anyMatch(f -> f.matches("(?i)missing column (public\\.)?items\\.destination \\((varchar|character varying)\\(100\\)\\)"))
                    .anyMatch(f -> f.matches("extra table (public\\.)?stray"));
            assertThat(report.findings()).filteredOn(f -> f.description().contains("destination")).singleElement()
                    .extracting(DoctorReport.Finding::expectedFrom).isEqualTo("core V2 add destination");
            assertThat(report.plan()).singleElement().satisfies(p -> assertThat(String.join("\n", p.sql()))
                    .containsIgnoringCase("ADD COLUMN").contains("destination"));
            assertThat(report.manual()).singleElement().asString().contains("extra table").contains("stray").contains("never drops");
            assertThat(report.exitCode()).isEqualTo(4);
            assertThat(Fixture.hasColumn(db, "items", "destination")).as("doctor without --fix changes nothing").isFalse();

            DoctorReport fixed = m.doctor(true);
            assertThat(fixed.backup()).exists();
            assertThat(Fixture.hasColumn(db, "items", "destination")).isTrue();
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM items")).isEqualTo(2);
            Fixture.execute(db, "DROP TABLE stray");
            assertThat(m.doctor(false).findings()).isEmpty();
            assertThat(m.status().exitCode()).as(m.status().summary()).isZero();
        }
    }
}
