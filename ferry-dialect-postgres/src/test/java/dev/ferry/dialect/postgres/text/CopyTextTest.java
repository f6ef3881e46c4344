package dev.ferry.dialect.postgres.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String field(Object v) {
        StringBuilder sb = new StringBuilder();
        CopyText.appendField(sb, v);
        return sb.toString();
    }

    @Test
    void nullAndEscapes() {
        assertThat(field(null)).isEqualTo("\\N");
        assertThat(field("a\tb\nc\rd\\e \\N")).isEqualTo("a\\tb\\nc\\rd\\\\e \\\\N");
        assertThat(field("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void numbersExactly() {
        assertThat(field(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(field(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(field(new BigDecimal("1E+40"))).isEqualTo("10000000000000000000000000000000000000000");
        assertThat(field(Double.NaN)).isEqualTo("NaN");
        assertThat(field(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(field(Float.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(field(-0.0d)).isEqualTo("-0.0");
        assertThat(Double.parseDouble(field(0.1d))).isEqualTo(0.1d);
        assertThat(Float.parseFloat(field(1.4e-45f))).isEqualTo(1.4e-45f);
        assertThat(field(true)).isEqualTo("t");
    }

    @Test
    void binaryTemporalAndStructured() {
        assertThat(field(new byte[] {0, (byte) 0xff, 16})).isEqualTo("\\\\x00ff10");
        assertThat(field(LocalDate.of(-43, 3, 15))).isEqualTo("0044-03-15 BC");
        assertThat(field(OffsetDateTime.MAX)).isEqualTo("infinity");
        assertThat(field(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(field(new Json("{\"a\":\n1}"))).isEqualTo("{\"a\":\\n1}");
        assertThat(field(new BitString("0101"))).isEqualTo("0101");
        assertThat(field(new NativeValue("inet", "::1"))).isEqualTo("::1");
    }

    @Test
    void arraysAreLiteralsThenCopyEscaped() {
        ArrayValue a = new ArrayValue(Arrays.asList("x\\y", null, "tab\t"));
        assertThat(field(a)).isEqualTo("{\"x\\\\\\\\y\",NULL,\"tab\\t\"}");
        ArrayValue bytes = new ArrayValue(Arrays.asList((Object) new byte[] {1}));
        assertThat(field(bytes)).isEqualTo("{\"\\\\\\\\x01\"}");
    }
}
