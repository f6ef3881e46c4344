package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code backup --root}: the rows of one project and their closure, on each engine. */
class PartialExportIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneProjectWithChildrenTakesItsRowsAndTheirParentsOnly(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch(); Connection c = db.connect()) {
            SemaphoreSchema.create(engine, c);
            List<Long> ids = SemaphoreSchema.fill(c, "p", 3);
            Map<String, Long> rows = rows(backup(db, List.of("project:id=" + ids.get(1)), true));
            assertThat(rows).containsEntry("project", 1L).containsEntry("access_key", 2L).containsEntry("template", 2L)
                    .containsEntry("inventory", 1L).containsEntry("template_vault", 2L).containsEntry("project_user", 2L)
                    .containsEntry("app_user", 2L).containsEntry("member_note", 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutChildrenOnlyTheRootsAndEverythingTheyReference(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch(); Connection c = db.connect()) {
            SemaphoreSchema.create(engine, c);
            SemaphoreSchema.fill(c, "p", 3);
            long child = SemaphoreSchema.single(c, "SELECT max(id) FROM template WHERE name = 'deploy-prod'");
            Path archive = backup(db, List.of("template:id = " + child + " AND name IN ('deploy-prod', 'x')"), false);
            Map<String, Long> rows = rows(archive);
            // the child template, its parent template (self-reference), the parent's inventory (cycle) and the project
            assertThat(rows).containsEntry("template", 2L).containsEntry("inventory", 1L).containsEntry("project", 1L)
                    .containsEntry("access_key", 0L).containsEntry("template_vault", 0L).containsEntry("project_user", 0L);
            Manifest.Partial partial = ArchiveReader.open(archive, null).manifest().partial();
            assertThat(partial.roots()).containsExactly("template:id = " + child + " AND name IN ('deploy-prod', 'x')");
            assertThat(partial.withChildren()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "SQLITE")
    void unknownTablesColumnsAndInjectionAreRefusedBeforeAnythingIsWritten(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch(); Connection c = db.connect()) {
            SemaphoreSchema.create(engine, c);
            SemaphoreSchema.fill(c, "p", 1);
            for (String root : List.of("nosuch:id=1", "project:nosuch=1", "project:id=1; DROP TABLE project",
                    "project:id=1 OR 1=1", "project:name = (SELECT name FROM app_user)")) {
                Path archive = Files.createTempDirectory("ferry-partial-").resolve("a");
                assertThatThrownBy(() -> backup(db, archive, List.of(root), false)).isInstanceOf(FerryException.class)
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.USAGE);
                assertThat(archive).doesNotExist();
            }
            assertThat(SemaphoreSchema.count(c, "project")).isEqualTo(1);
        }
    }

    static Path backup(ScratchDatabase db, List<String> roots, boolean children) throws Exception {
        Path archive = Files.createTempDirectory("ferry-partial-").resolve("a");
        return backup(db, archive, roots, children);
    }

    static Path backup(ScratchDatabase db, Path archive, List<String> roots, boolean children) {
        new Backup(BackupSettings.of(db.spec(), archive).withRoots(roots, children), ProgressListener.NONE).run();
        return archive;
    }

    static Map<String, Long> rows(Path archive) {
        return ArchiveReader.open(archive, null).manifest().tables().stream()
                .collect(Collectors.toMap(t -> t.name().name(), Manifest.TableEntry::rows));
    }
}
