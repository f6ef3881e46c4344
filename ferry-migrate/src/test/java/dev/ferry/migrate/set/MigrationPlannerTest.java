package dev.ferry.migrate.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

    static Migration m(String module, String version, String... requires) {
        Step step = new Step(MigrationKind.SQL, module + "/V" + version + "__x.sql", "SELECT 1", null, "c");
        Step undo = new Step(MigrationKind.SQL, module + "/U" + version + "__x.sql", "SELECT 1", null, "u");
        return new Migration(module, Version.parse(version), "x", Requirement.parseList(String.join(",", requires), "test"),
                step, undo);
    }

    private static List<String> ids(List<Migration> ms) {
        return ms.stream().map(Migration::id).toList();
    }

    @Test
    void coreFirstThenPluginsByNameUnlessARequirementInterleaves() {
        List<Migration> all = List.of(m("core", "1"), m("core", "2"), m("core", "3", "billing:1"), m("billing", "1", "core:2"),
                m("audit", "1"), m("audit", "2"));
        assertThat(ids(new MigrationPlanner(all, Set.of()).plan()))
                .containsExactly("core:1", "core:2", "audit:1", "audit:2", "billing:1", "core:3");
    }

    @Test
    void appliedMigrationsSatisfyRequirementsAndAreNotPlanned() {
        List<Migration> all = List.of(m("core", "1"), m("core", "2"), m("billing", "1", "core:2"));
        assertThat(ids(new MigrationPlanner(all, Set.of("core:1", "core:2")).plan())).containsExactly("billing:1");
    }

    @Test
    void aRequirementBetweenVersionsNeedsTheNextOne() {
        List<Migration> all = List.of(m("core", "1"), m("core", "5"), m("billing", "1", "core:3"));
        assertThat(ids(new MigrationPlanner(all, Set.of("core:1")).plan())).containsExactly("core:5", "billing:1");
    }

    @Test
    void aCycleIsRefusedNamingIt() {
        List<Migration> all = List.of(m("core", "1", "billing:1"), m("billing", "1", "core:1"));
        assertThatThrownBy(() -> new MigrationPlanner(all, Set.of()).plan()).isInstanceOf(FerryException.class)
                .hasMessageContaining("cycle").hasMessageContaining("core V1 needs billing V1 needs core V1")
                .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.INVALID_MIGRATIONS);
    }

    @Test
    void unmetRequirementsAreAllReported() {
        List<Migration> all = List.of(m("core", "1"), m("billing", "1", "core:4"), m("audit", "1", "search:1"));
        assertThatThrownBy(() -> new MigrationPlanner(all, Set.of()).plan())
                .hasMessageContaining("requires core:4 or later, but the latest migration of core is V1")
                .hasMessageContaining("has no module search");
    }

    @Test
    void aNewMigrationBelowAnAppliedOneIsRefused() {
        List<Migration> all = List.of(m("core", "1"), m("core", "2"), m("core", "3"));
        assertThatThrownBy(() -> new MigrationPlanner(all, Set.of("core:1", "core:3")).plan())
                .hasMessageContaining("core V2 x is new, but core is already at V3");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("1_2")).isEqualTo(Version.parse("1.2.0"));
        assertThat(Version.parse("2").toString()).isEqualTo("2");
        assertThatThrownBy(() -> Version.parse("1a")).hasMessageContaining("not a version");
    }
}
