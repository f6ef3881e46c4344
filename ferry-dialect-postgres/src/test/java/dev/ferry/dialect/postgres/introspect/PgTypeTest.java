package dev.ferry.dialect.postgres.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.TypeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgTypeTest {
    private static DataType map(String nativeType, String schema, String name, char typtype, int typmod) {
        return new PgType(nativeType, schema, name, typtype, typmod, null).toDataType(Map.of());
    }

    @Test
    void builtinsWithTypmods() {
        DataType numeric = map("numeric(38,10)", "pg_catalog", "numeric", 'b', (38 << 16 | 10) + 4);
        assertThat(numeric.kind()).isEqualTo(TypeKind.DECIMAL);
        assertThat(numeric.precision()).isEqualTo(38);
        assertThat(numeric.scale()).isEqualTo(10);
        assertThat(map("numeric", "pg_catalog", "numeric", 'b', -1).precision()).isNull();
        assertThat(map("character varying(20)", "pg_catalog", "varchar", 'b', 24).length()).isEqualTo(20);
        assertThat(map("bit(8)", "pg_catalog", "bit", 'b', 8).length()).isEqualTo(8);
        assertThat(map("timestamp(3) with time zone", "pg_catalog", "timestamptz", 'b', 3).precision()).isEqualTo(3);
        assertThat(map("jsonb", "pg_catalog", "jsonb", 'b', -1).kind()).isEqualTo(TypeKind.JSON);
        assertThat(map("public.citext", "public", "citext", 'b', -1).kind()).isEqualTo(TypeKind.TEXT);
    }

    @Test
    void everythingElseIsNative() {
        assertThat(map("inet", "pg_catalog", "inet", 'b', -1).kind()).isEqualTo(TypeKind.NATIVE);
        assertThat(map("int4range", "pg_catalog", "int4range", 'r', -1).kind()).isEqualTo(TypeKind.NATIVE);
        assertThat(map("app.positive", "app", "positive", 'd', -1).kind()).isEqualTo(TypeKind.NATIVE);
    }

    @Test
    void enumsAndArrays() {
        QualifiedName mood = new QualifiedName("app", "mood");
        PgType element = new PgType("app.mood", "app", "mood", 'e', -1, null);
        DataType array = new PgType("app.mood[]", "app", "_mood", 'b', -1, element).toDataType(Map.of(mood, List.of("a", "b")));
        assertThat(array.kind()).isEqualTo(TypeKind.ARRAY);
        assertThat(array.element().kind()).isEqualTo(TypeKind.ENUM);
        assertThat(array.element().enumType()).isEqualTo(mood);
        assertThat(array.element().labels()).containsExactly("a", "b");
        PgType inet = new PgType("inet", "pg_catalog", "inet", 'b', -1, null);
        assertThat(new PgType("inet[]", "pg_catalog", "_inet", 'b', -1, inet).toDataType(Map.of()).kind()).isEqualTo(TypeKind.NATIVE);
    }
}
