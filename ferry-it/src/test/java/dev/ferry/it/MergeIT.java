package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.merge.Merge;
import dev.ferry.ops.merge.MergeResult;
import dev.ferry.ops.merge.MergeSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code restore --merge} on each engine: one project of a Semaphore-shaped install, exported with its
 * children, merged into another install that already has projects with the same ids.
 */
class MergeIT {
    static final List<String> TABLES = List.of("project", "app_user", "access_key", "template", "inventory",
            "template_vault", "project_user", "member_note");
    static final List<String> MATCH_ALL = List.of("project:name", "app_user:username", "access_key:project_id,name",
            "template:project_id,name", "inventory:project_id,name", "template_vault:template_id,vault_key_id",
            "project_user:project_id,user_id", "member_note:project_id,user_id,note");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneProjectArrivesWithNewIdsAndTheTargetsRowsAreUntouched(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch();
             Connection s = source.connect(); Connection t = target.connect()) {
            Path archive = exportSecondProject(engine, source, s, List.of());
            SemaphoreSchema.create(engine, t);
            SemaphoreSchema.fill(t, "tgt", 2);
            Map<String, List<String>> before = contents(t);
            Path idMap = Files.createTempDirectory("ferry-merge-").resolve("ids.json");

            MergeResult result = new Merge(MergeSettings.of(archive, target.spec()).withIdMap(idMap), ProgressListener.NONE).run();

            assertThat(result.inserted()).isEqualTo(13);
            assertThat(result.matched()).isZero();
            Map<String, List<String>> after = contents(t);
            for (String table : TABLES) {
                assertThat(after.get(table)).as("pre-existing rows of " + table).containsAll(before.get(table));
            }
            assertThat(SemaphoreSchema.count(t, "project")).isEqualTo(3);
            assertConsistent(t, "src2");
            JsonNode ids = new ObjectMapper().readTree(idMap.toFile()).get("tables");
            for (JsonNode row : ids.get(qualified(engine, "template"))) {
                assertThat(row.get("new").get(0).asLong()).as("a new id from the target's generator")
                        .isGreaterThan(4).isNotEqualTo(row.get("old").get(0).asLong());
            }
            assertThat(ids.get(qualified(engine, "project")).get(0).get("new").get(0).asLong()).isEqualTo(
                    SemaphoreSchema.single(t, "SELECT id FROM project WHERE name = 'src2'"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void matchReusesExistingRowsAndASecondMergeAddsNothing(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch();
             Connection s = source.connect(); Connection t = target.connect()) {
            Path archive = exportSecondProject(engine, source, s, List.of());
            SemaphoreSchema.create(engine, t);
            SemaphoreSchema.fill(t, "tgt", 3);
            long existing = SemaphoreSchema.insert(t, "INSERT INTO app_user (username) VALUES (?)", "src-u1");

            MergeResult first = new Merge(MergeSettings.of(archive, target.spec()).withMatches(List.of("app_user:username")),
                    ProgressListener.NONE).run();
            assertThat(first.matched()).isEqualTo(1);
            assertThat(first.inserted()).isEqualTo(12);
            long project = SemaphoreSchema.single(t, "SELECT id FROM project WHERE name = 'src2'");
            assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM project_user WHERE project_id = ? AND user_id = ?",
                    project, existing)).as("the link points at the matched user").isEqualTo(1);
            assertConsistent(t, "src2");

            Map<String, List<String>> before = contents(t);
            MergeResult second = new Merge(MergeSettings.of(archive, target.spec()).withMatches(MATCH_ALL),
                    ProgressListener.NONE).run();
            assertThat(second.inserted()).isZero();
            assertThat(second.matched()).isEqualTo(13);
            assertThat(contents(t)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReferenceToARowTheArchiveLacksIsListedByTheDryRunAndRefusedBeforeWriting(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch();
             Connection s = source.connect(); Connection t = target.connect()) {
            Path archive = exportSecondProject(engine, source, s, List.of("access_key"));
            SemaphoreSchema.create(engine, t);
            SemaphoreSchema.fill(t, "tgt", 2);
            Map<String, List<String>> before = contents(t);
            long key = SemaphoreSchema.single(s, "SELECT min(v.vault_key_id) FROM template_vault v JOIN template x"
                    + " ON x.id = v.template_id JOIN project p ON p.id = x.project_id WHERE p.name = 'src2'");

            MergeResult dry = new Merge(MergeSettings.of(archive, target.spec()).withDryRun(true), ProgressListener.NONE).run();
            assertThat(dry.unresolvedTotal()).isEqualTo(2);
            assertThat(dry.unresolved()).anySatisfy(u -> assertThat(u).contains("template_vault.vault_key_id = " + key
                    + " references " + qualified(engine, "access_key") + "(id)"));
            assertThat(dry.tables()).anySatisfy(p -> {
                assertThat(p.table().name()).isEqualTo("template");
                assertThat(p.inserted()).isEqualTo(2);
                assertThat(p.rewritten()).isEqualTo(4);
            });
            assertThat(contents(t)).as("a dry run writes nothing").isEqualTo(before);

            assertThatThrownBy(() -> new Merge(MergeSettings.of(archive, target.spec()), ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class)
                    .hasMessageContaining("refused before anything was written")
                    .hasMessageContaining("template_vault.vault_key_id = " + key)
                    .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.MERGE_REFUSED);
            assertThat(contents(t)).as("the refused merge wrote nothing").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailureHalfwayRollsEverythingBack(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch();
             Connection s = source.connect(); Connection t = target.connect()) {
            Path archive = exportSecondProject(engine, source, s, List.of());
            SemaphoreSchema.create(engine, t);
            SemaphoreSchema.fill(t, "tgt", 2);
            if (engine == Engine.SQLITE) {
                SemaphoreSchema.exec(t, "CREATE TRIGGER no_prod BEFORE INSERT ON template WHEN NEW.project_id = 3"
                        + " BEGIN SELECT RAISE(ABORT, 'no templates for project 3'); END");
            } else {
                SemaphoreSchema.exec(t, "ALTER TABLE template ADD CONSTRAINT no_prod CHECK (project_id <> 3)");
            }
            Map<String, List<String>> before = contents(t);
            // the merged project gets id 3: it and its keys are inserted, then its first template fails
            assertThatThrownBy(() -> new Merge(MergeSettings.of(archive, target.spec()), ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("rolled back");
            assertThat(contents(t)).as("projects and keys inserted before the failure are gone").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "SQLITE")
    void intoADatabaseWithoutTablesAMergeIsAPlainRestore(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch();
             Connection s = source.connect(); Connection t = target.connect()) {
            Path archive = exportSecondProject(engine, source, s, List.of());
            MergeResult result = new Merge(MergeSettings.of(archive, target.spec()).withMatches(MATCH_ALL),
                    ProgressListener.NONE).run();
            assertThat(result.restore()).isNotNull();
            assertThat(result.restore().rows()).isEqualTo(13);
            assertConsistent(t, "src2");
        }
    }

    private static Path exportSecondProject(Engine engine, ScratchDatabase source, Connection s, List<String> exclude)
            throws Exception {
        SemaphoreSchema.create(engine, s);
        List<Long> ids = SemaphoreSchema.fill(s, "src", 3);
        Path archive = Files.createTempDirectory("ferry-merge-").resolve("project");
        new Backup(BackupSettings.of(source.spec(), archive).withExcludeTables(exclude)
                .withRoots(List.of("project:id=" + ids.get(1)), true), ProgressListener.NONE).run();
        return archive;
    }

    /** The merged project's graph holds together: every row points within the project. */
    private static void assertConsistent(Connection t, String project) throws Exception {
        long id = SemaphoreSchema.single(t, "SELECT id FROM project WHERE name = ?", project);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM access_key WHERE project_id = ?", id)).isEqualTo(2);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM template c JOIN template p ON p.id = c.parent_id"
                + " WHERE c.project_id = ? AND p.project_id = ? AND p.name = 'deploy'", id, id)).isEqualTo(1);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM template x JOIN inventory i ON i.id = x.inventory_id"
                + " WHERE x.project_id = ? AND i.template_id = x.id AND i.project_id = ?", id, id)).isEqualTo(1);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM template_vault v JOIN template x ON x.id = v.template_id"
                + " JOIN access_key k ON k.id = v.vault_key_id WHERE x.project_id = ? AND k.project_id = ?", id, id)).isEqualTo(2);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM project_user pu JOIN app_user u ON u.id = pu.user_id"
                + " WHERE pu.project_id = ? AND u.username LIKE 'src-%'", id)).isEqualTo(2);
        assertThat(SemaphoreSchema.single(t, "SELECT count(*) FROM member_note n JOIN project_user pu ON pu.project_id ="
                + " n.project_id AND pu.user_id = n.user_id JOIN app_user u ON u.id = pu.user_id WHERE n.project_id = ?"
                + " AND u.username LIKE 'src-u2' AND pu.role = 'guest'", id)).as("the composite reference, rewritten").isEqualTo(1);
    }

    private static String qualified(Engine engine, String table) {
        return engine == Engine.POSTGRES ? "public." + table : table;
    }

    /** Every row of every table as text, sorted: equal lists mean unchanged rows. */
    static Map<String, List<String>> contents(Connection c) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }
}
