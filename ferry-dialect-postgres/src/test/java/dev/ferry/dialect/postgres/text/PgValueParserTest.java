package dev.ferry.dialect.postgres.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgValueParserTest {

    private static Object parse(TypeKind kind, String text) {
        return PgValueParser.forType(DataType.of(kind, kind.name().toLowerCase())).apply(text);
    }

    @Test
    void scalars() {
        assertThat(parse(TypeKind.BOOLEAN, "true")).isEqualTo(true);
        assertThat(parse(TypeKind.BOOLEAN, "f")).isEqualTo(false);
        assertThat(parse(TypeKind.SMALLINT, "-32768")).isEqualTo(-32768L);
        assertThat(parse(TypeKind.DECIMAL, "-0.000")).isEqualTo(new BigDecimal("-0.000"));
        assertThat(parse(TypeKind.DECIMAL, "NaN")).isEqualTo(Double.NaN);
        assertThat(parse(TypeKind.DECIMAL, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse(TypeKind.REAL, "-0")).isEqualTo(-0.0f);
        assertThat(parse(TypeKind.DOUBLE, "4.9e-324")).isEqualTo(Double.MIN_VALUE);
        assertThat((byte[]) parse(TypeKind.BLOB, "\\x00ff")).containsExactly(0, 0xff);
    }

    @Test
    void arraysUseTheElementConversionAndNativeStaysText() {
        DataType intArray = DataType.of(TypeKind.ARRAY, "integer[]").withElement(DataType.of(TypeKind.INTEGER, "integer"));
        assertThat(PgValueParser.forType(intArray).apply("{{1,NULL}}"))
                .isEqualTo(new ArrayValue(List.of(new ArrayValue(java.util.Arrays.asList(1L, null)))));
        assertThat(PgValueParser.forType(DataType.of(TypeKind.NATIVE, "inet")).apply("::1")).isEqualTo(new NativeValue("inet", "::1"));
        assertThat(PgValueParser.forType(intArray).apply("[0:1]={7,8}")).isEqualTo(new NativeValue("integer[]", "[0:1]={7,8}"));
    }
}
