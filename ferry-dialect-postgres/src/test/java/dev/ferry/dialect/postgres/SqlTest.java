package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.QualifiedName;
import org.junit.jupiter.api.Test;

class SqlTest {
    @Test
    void quotesAndLiterals() {
        assertThat(Sql.quote("Or\"der")).isEqualTo("\"Or\"\"der\"");
        assertThat(Sql.qualified(new QualifiedName("public", "Order"))).isEqualTo("\"public\".\"Order\"");
        assertThat(Sql.qualified(QualifiedName.of("t"))).isEqualTo("\"t\"");
        assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
        assertThat(Sql.literal("a\\b'")).isEqualTo("E'a\\\\b'''");
        assertThat(new PostgresDialect().acceptsUrl("jdbc:postgresql://h/db")).isTrue();
    }

    @Test
    void selectsLoadedColumnsAsText() {
        var table = new dev.ferry.core.model.Table(new QualifiedName("s", "t"), java.util.List.of(
                dev.ferry.core.model.Column.of("a", dev.ferry.core.model.DataType.of(dev.ferry.core.model.TypeKind.TEXT, "text"), true),
                new dev.ferry.core.model.Column("g", dev.ferry.core.model.DataType.of(dev.ferry.core.model.TypeKind.TEXT, "text"), true,
                        null, null, "upper(a)", true, null, null)), null, null, null, null, null, null, null, 0);
        assertThat(PostgresRowCursor.selectSql(table)).isEqualTo("SELECT \"a\" FROM ONLY \"s\".\"t\"");
    }
}
