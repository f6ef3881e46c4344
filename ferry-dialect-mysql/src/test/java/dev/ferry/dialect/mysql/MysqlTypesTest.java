package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import org.junit.jupiter.api.Test;

class MysqlTypesTest {

    private static DataType map(String dataType, String columnType) {
        return MysqlTypes.map(new MysqlTypes.Facts(dataType, columnType, 10L, 12L, 4L, 6L));
    }

    @Test
    void integersKeepTheirNativeSpellingAndSignedness() {
        assertThat(map("tinyint", "tinyint(1)")).satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TypeKind.SMALLINT);
            assertThat(t.nativeType()).isEqualTo("tinyint(1)");
        });
        assertThat(map("int", "int(10) unsigned").kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(map("int", "int(10) unsigned").unsigned()).isTrue();
        assertThat(map("bigint", "bigint(20) unsigned").kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(map("smallint", "smallint(5) unsigned").kind()).isEqualTo(TypeKind.INTEGER);
        assertThat(map("year", "year(4)").kind()).isEqualTo(TypeKind.SMALLINT);
    }

    @Test
    void decimalsTextsAndTemporals() {
        DataType d = map("decimal", "decimal(12,4)");
        assertThat(d.kind()).isEqualTo(TypeKind.DECIMAL);
        assertThat(d.precision()).isEqualTo(12);
        assertThat(d.scale()).isEqualTo(4);
        assertThat(map("varchar", "varchar(10)").length()).isEqualTo(10);
        assertThat(map("longtext", "longtext").kind()).isEqualTo(TypeKind.TEXT);
        assertThat(map("timestamp", "timestamp(6)").kind()).isEqualTo(TypeKind.TIMESTAMP_TZ);
        assertThat(map("datetime", "datetime(6)").kind()).isEqualTo(TypeKind.TIMESTAMP);
        assertThat(map("time", "time(6)").precision()).isEqualTo(6);
        assertThat(map("bit", "bit(12)").length()).isEqualTo(12);
        assertThat(map("point", "point").kind()).isEqualTo(TypeKind.NATIVE);
        assertThat(map("uuid", "uuid").kind()).isEqualTo(TypeKind.UUID);
    }

    @Test
    void enumAndSetLabelsAreUnescaped() {
        DataType e = map("enum", "enum('a','b''c','d,e')");
        assertThat(e.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(e.labels()).containsExactly("a", "b'c", "d,e");
        assertThat(map("set", "set('x','y')").labels()).containsExactly("x", "y");
        assertThat(MysqlTypes.labels("enum('')")).containsExactly("");
    }
}
