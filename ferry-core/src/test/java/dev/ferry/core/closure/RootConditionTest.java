package dev.ferry.core.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootConditionTest {
    private static final Table PROJECT = new Table(QualifiedName.of("project"), List.of(
            Column.of("id", DataType.of(TypeKind.BIGINT, "bigint"), false),
            Column.of("name", DataType.of(TypeKind.TEXT, "text"), true),
            Column.of("Alert", DataType.of(TypeKind.BOOLEAN, "boolean"), true)), null, null, null, null, null, null, null, 0);

    private static boolean matches(String condition, Object... row) {
        return Boolean.TRUE.equals(RootCondition.parse(PROJECT, condition).test(row));
    }

    @Test
    void comparisonsLogicAndPrecedence() {
        assertThat(matches("id=5", 5L, "a", true)).isTrue();
        assertThat(matches("5 = id", 5L, "a", true)).isTrue();
        assertThat(matches("id > 3 AND id <= 5", 5L, "a", true)).isTrue();
        assertThat(matches("3 < id", 5L, "a", true)).isTrue();
        assertThat(matches("id = 1 OR id = 2 AND name = 'x'", 1L, "y", true)).isTrue();
        assertThat(matches("(id = 1 OR id = 2) AND name = 'x'", 1L, "y", true)).isFalse();
        assertThat(matches("NOT id IN (1, 2)", 3L, null, null)).isTrue();
        assertThat(matches("id NOT IN (1, 2)", 2L, null, null)).isFalse();
        assertThat(matches("name = 'it''s'", 1L, "it's", null)).isTrue();
        assertThat(matches("name IS NULL and \"Alert\" is not null", 1L, null, false)).isTrue();
        assertThat(matches("`Alert` = TRUE", 1L, null, 1L)).as("SQLite stores booleans as 0/1").isTrue();
        assertThat(matches("id = 5.0", new BigDecimal("5"), null, null)).isTrue();
        assertThat(matches("id <> -1", 5L, null, null)).isTrue();
    }

    @Test
    void nullIsUnknownAsInSql() {
        assertThat(matches("name = 'x'", 1L, null, null)).isFalse();
        assertThat(matches("NOT name = 'x'", 1L, null, null)).isFalse();
        assertThat(matches("name <> 'x' OR id = 1", 1L, null, null)).isTrue();
        assertThat(matches("id NOT IN (2, NULL)", 1L, null, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id=1; DROP TABLE project", "id = 1 OR 1=1", "name = (SELECT name FROM users)",
            "id = 1 -- comment", "id = 1 /* c */", "lower(name) = 'x'", "nosuch = 1", "\"ALERT\" = true",
            "name = other", "id = 1 UNION SELECT 1", "id =", "", "id = 1)", "name = 'open", "id = 1.2.3", "id IN ()",
            "id = 0x10", "name LIKE 'a%'"})
    void anythingButTheGrammarIsRefusedWithAUsageError(String condition) {
        assertThatThrownBy(() -> RootCondition.parse(PROJECT, condition)).isInstanceOf(FerryException.class)
                .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void anUnknownColumnIsNamedWithTheTablesColumns() {
        assertThatThrownBy(() -> RootCondition.parse(PROJECT, "projct_id = 5"))
                .hasMessageContaining("table project has no column projct_id (its columns: id, name, Alert)");
    }

    @Test
    void rootsNameAnUnknownTable() {
        assertThatThrownBy(() -> Roots.resolve(List.of(PROJECT), List.of("projects:id=1")))
                .hasMessageContaining("--root projects: no such table in the backup (tables: project)");
        assertThatThrownBy(() -> Roots.resolve(List.of(PROJECT), List.of("project")))
                .hasMessageContaining("expected <table>:<condition>");
    }
}
