package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchSizeTest {
    private static final long BUDGET = 32L << 20;

    @Test
    void narrowRowsAreFetchedAThousandAtATime() {
        assertThat(MysqlRowCursor.fetchSize(List.of(column(TypeKind.INTEGER, "int"), column(TypeKind.VARCHAR, "varchar(255)", 255),
                column(TypeKind.TEXT, "set('a','b')")), BUDGET)).isEqualTo(MysqlRowCursor.FETCH_SIZE);
        assertThat(MysqlRowCursor.fetchSize(List.of(column(TypeKind.TEXT, "text")), BUDGET)).isEqualTo(512);
    }

    @Test
    void rowsThatMayBeHugeAreFetchedFewAtATime() {
        assertThat(MysqlRowCursor.fetchSize(List.of(column(TypeKind.INTEGER, "int"), column(TypeKind.TEXT, "longtext")), BUDGET))
                .isEqualTo(1);
        assertThat(MysqlRowCursor.fetchSize(List.of(column(TypeKind.BLOB, "mediumblob")), BUDGET)).isEqualTo(2);
        assertThat(MysqlRowCursor.fetchSize(List.of(column(TypeKind.JSON, "longtext")), BUDGET)).isEqualTo(1);
    }

    private static Column column(TypeKind kind, String nativeType) {
        return column(kind, nativeType, null);
    }

    private static Column column(TypeKind kind, String nativeType, Integer length) {
        return Column.of("c", DataType.of(kind, nativeType).withLength(length), true);
    }
}
