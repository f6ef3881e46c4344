package dev.ferry.migrate.set;

import static dev.ferry.migrate.set.MigrationPlannerTest.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UndoPlannerTest {
    private final List<Migration> all = List.of(m("core", "1"), m("core", "2"), m("core", "3"), m("billing", "1", "core:2"),
            m("billing", "2"), m("audit", "1", "core:1"));
    private final List<String> applied = List.of("core:1", "core:2", "billing:1", "audit:1", "billing:2", "core:3");

    private List<String> plan(String target) {
        return new UndoPlanner(all, applied).plan(target).stream().map(Migration::id).toList();
    }

    @Test
    void withoutATargetTheLastMigration() {
        assertThat(plan(null)).containsExactly("core:3");
    }

    @Test
    void toAVersionTakesDependentModulesAlongInReverseOrder() {
        assertThat(plan("core:1")).containsExactly("core:3", "billing:2", "billing:1", "core:2");
        assertThat(plan("core:0")).containsExactly("core:3", "billing:2", "audit:1", "billing:1", "core:2", "core:1");
    }

    @Test
    void aMissingUndoScriptRefusesEverything() {
        Migration noUndo = new Migration("core", Version.parse("3"), "x", List.of(), m("core", "3").apply(), null);
        List<Migration> set = List.of(m("core", "1"), m("core", "2"), noUndo, m("billing", "1", "core:2"), m("billing", "2"),
                m("audit", "1", "core:1"));
        assertThatThrownBy(() -> new UndoPlanner(set, applied).plan("core:2")).hasMessageContaining("no undo script for [core/U3__*]")
                .hasMessageContaining("Nothing was undone");
    }
}
