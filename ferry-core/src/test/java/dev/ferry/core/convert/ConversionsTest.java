package dev.ferry.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversionsTest {

    @Test
    void sqliteStorageClassesBecomeTypedValues() {
        assertThat(Conversions.convert(TypeKind.BOOLEAN, 1L)).isEqualTo(true);
        assertThat(Conversions.convert(TypeKind.BOOLEAN, 0L)).isEqualTo(false);
        assertThat(Conversions.convert(TypeKind.DECIMAL, 12.34)).isEqualTo(new BigDecimal("12.34"));
        assertThat(Conversions.convert(TypeKind.DECIMAL, "12.3400")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(Conversions.convert(TypeKind.TIMESTAMP, "2026-11-23 08:00:00.123456"))
                .isEqualTo(LocalDateTime.of(2026, 11, 23, 8, 0, 0, 123_456_000));
        assertThat(Conversions.convert(TypeKind.UUID, "6f9619ff8b86d011b42d00cf4fc964ff"))
                .isEqualTo(UUID.fromString("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
        assertThat(Conversions.convert(TypeKind.TIME, new NativeValue("time", "24:00:00"))).isEqualTo(LocalTime.MAX);
    }

    @Test
    void nothingIsRoundedOrGuessed() {
        assertThatThrownBy(() -> Conversions.convert(TypeKind.BOOLEAN, 2L)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("'2'").hasMessageContaining("BOOLEAN");
        assertThatThrownBy(() -> Conversions.convert(TypeKind.BIGINT, 3.5)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> Conversions.convert(TypeKind.BIGINT, -0.0)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> Conversions.convert(TypeKind.REAL, 0.1)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> Conversions.convert(TypeKind.DECIMAL, Double.NaN)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> Conversions.convert(TypeKind.DATE, 1_700_000_000L)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> Conversions.convert(TypeKind.DOUBLE, (1L << 53) + 1)).isInstanceOf(ConversionException.class);
        assertThat(Conversions.convert(TypeKind.BIGINT, new BigInteger("18446744073709551615")))
                .isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void instantsBecomeUtcWallTimeAndBack() {
        OffsetDateTime t = OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 30));
        Object wall = Conversions.convert(TypeKind.TIMESTAMP, t);
        assertThat(wall).isEqualTo(LocalDateTime.of(1999, 12, 31, 18, 29, 59, 999_999_000));
        assertThat(Conversions.convert(TypeKind.TIMESTAMP_TZ, wall)).isEqualTo(t.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(Conversions.convert(TypeKind.TIMESTAMP_TZ, OffsetDateTime.MAX)).isEqualTo(OffsetDateTime.MAX);
    }

    @Test
    void comparableFormsIgnoreOnlyWhatEnginesNormalise() {
        assertThat(Conversions.comparable(TypeKind.CHAR, "ab   ")).isEqualTo("ab");
        assertThat(Conversions.comparable(TypeKind.VARCHAR, "ab   ")).isEqualTo("ab   ");
        Json mysql = new Json("{\"b\": 2, \"a\": [1, 2.50, \"x\"], \"a\": [1, 2.5, \"x\"]}");
        Json jsonb = new Json("{\"a\": [1, 2.5, \"x\"], \"b\": 2}");
        assertThat(Conversions.comparable(TypeKind.JSON, mysql)).isEqualTo(Conversions.comparable(TypeKind.JSON, jsonb));
        assertThat(Conversions.comparable(TypeKind.JSON, new Json("[1]")))
                .isNotEqualTo(Conversions.comparable(TypeKind.JSON, new Json("[\"1\"]")));
        assertThat(Conversions.convert(TypeKind.JSON, new ArrayValue(List.of(1L, "x")))).isEqualTo(new Json("[1,\"x\"]"));
    }

    @Test
    void hostileJsonNumbersDoNotExhaustMemory() {
        assertThat(JsonForms.canonical("[1e100000000]")).isEqualTo("[1E+100000000]");
    }
}
