package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.value.BitString;
import dev.ferry.core.value.NativeValue;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueMappingTest {

    @Test
    void timesOutsideADayAndZeroDatesStayNative() {
        assertThat(ValueReaders.time("23:59:59.999999")).isEqualTo(LocalTime.parse("23:59:59.999999"));
        assertThat(ValueReaders.time("24:00:00")).isEqualTo(new NativeValue("time", "24:00:00"));
        assertThat(ValueReaders.time("-00:00:01")).isEqualTo(new NativeValue("time", "-00:00:01"));
        assertThat(ValueReaders.date("0000-00-00")).isEqualTo(new NativeValue("date", "0000-00-00"));
        assertThat(ValueReaders.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ValueReaders.timestamp("2038-01-19 03:14:07.999999"))
                .isEqualTo(OffsetDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000, ZoneOffset.UTC));
        assertThat(ValueReaders.dateTime("2024-00-10 00:00:00", "datetime")).isEqualTo(new NativeValue("datetime", "2024-00-10 00:00:00"));
    }

    @Test
    void unsignedBigintIsLongUntilItDoesNotFit() {
        assertThat(ValueReaders.unsignedBigint("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(ValueReaders.unsignedBigint("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void bitStringsRoundTripThroughBytes() {
        BitString b = ValueReaders.bitString(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 1}, 64);
        assertThat(b.bits()).isEqualTo("1" + "0".repeat(62) + "1");
        assertThat(ValueBinder.bitBytes(b)).containsExactly((byte) 0x80, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ValueReaders.bitString(new byte[] {0x15}, 5).bits()).isEqualTo("10101");
        assertThat(ValueBinder.bitBytes(new BitString("10101"))).containsExactly((byte) 0x15);
    }

    @Test
    void temporalsAreSentAsServerTextInUtc() {
        assertThat(ValueBinder.convertOther(OffsetDateTime.parse("2024-01-01T02:00:00.5+02:00")))
                .isEqualTo("2024-01-01 00:00:00.500000");
        assertThat(ValueBinder.convertOther(LocalDateTime.parse("1000-01-01T00:00"))).isEqualTo("1000-01-01 00:00:00.000000");
        assertThat(ValueBinder.convertOther(LocalTime.parse("12:00"))).isEqualTo("12:00:00.000000");
        assertThat(ValueBinder.convertOther(new NativeValue("point", "0101"))).isEqualTo(new byte[] {1, 1});
        assertThat(ValueBinder.convertOther(new NativeValue("time", "-838:59:59"))).isEqualTo("-838:59:59");
    }
}
