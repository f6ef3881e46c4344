package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.TypeKind;
import org.junit.jupiter.api.Test;

class CreateTableSqlTest {
    private static final String SQL = "CREATE TABLE \"t\" (id INTEGER PRIMARY KEY, \"a,b\" TEXT DEFAULT 'x,(y)' "
            + "CHECK (length(\"a,b\") < 10), total INTEGER GENERATED ALWAYS AS (id * (2 + 1)) STORED, "
            + "[odd name] REAL AS (id + 0.5), CONSTRAINT positive CHECK (id > 0))";

    @Test
    void splitsAtTopLevelCommasOnly() {
        assertThat(new CreateTableSql(SQL).definitions()).hasSize(5);
    }

    @Test
    void findsGeneratedExpressionsAndChecks() {
        CreateTableSql parsed = new CreateTableSql(SQL);
        assertThat(parsed.generatedExpression("total")).isEqualTo("id * (2 + 1)");
        assertThat(parsed.generatedExpression("odd name")).isEqualTo("id + 0.5");
        assertThat(parsed.generatedExpression("id")).isNull();
        assertThat(parsed.checks()).containsExactly("length(\"a,b\") < 10", "id > 0");
    }

    @Test
    void mapsDeclaredTypesByNameThenAffinity() {
        assertThat(SqliteTypes.map("VARCHAR(20)").kind()).isEqualTo(TypeKind.VARCHAR);
        assertThat(SqliteTypes.map("VARCHAR(20)").length()).isEqualTo(20);
        assertThat(SqliteTypes.map("decimal(12, 4)").scale()).isEqualTo(4);
        assertThat(SqliteTypes.map("BOOLEAN").kind()).isEqualTo(TypeKind.BOOLEAN);
        assertThat(SqliteTypes.map("datetime").kind()).isEqualTo(TypeKind.TIMESTAMP);
        assertThat(SqliteTypes.map("UNSIGNED BIG INT").kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(SqliteTypes.map("").kind()).isEqualTo(TypeKind.BLOB);
        assertThat(SqliteTypes.map("FLOATING POINT").kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(SqliteTypes.map("DOUBLE PRECISION").kind()).isEqualTo(TypeKind.DOUBLE);
        assertThat(SqliteTypes.map("STRING").kind()).isEqualTo(TypeKind.DECIMAL);
    }
}
