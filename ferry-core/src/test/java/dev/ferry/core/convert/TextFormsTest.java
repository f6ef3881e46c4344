package dev.ferry.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFormsTest {

    @Test
    void datesAndTimesPrintAsIsoAndParseBack() {
        LocalDate bc = LocalDate.of(-43, 3, 15);
        assertThat(TextForms.of(bc)).isEqualTo("-0043-03-15");
        assertThat(TextParsing.date("-0043-03-15")).isEqualTo(bc);
        assertThat(TextForms.of(LocalDate.of(294276, 12, 31))).isEqualTo("+294276-12-31");
        assertThat(TextParsing.date("+294276-12-31")).isEqualTo(LocalDate.of(294276, 12, 31));
        assertThat(TextForms.of(LocalDate.MAX)).isEqualTo("infinity");
        assertThat(TextParsing.date("-infinity")).isEqualTo(LocalDate.MIN);
        assertThat(TextForms.of(LocalTime.of(10, 30))).isEqualTo("10:30:00");
        assertThat(TextForms.of(LocalTime.of(10, 30, 0, 500_000_000))).isEqualTo("10:30:00.5");
        assertThat(TextForms.of(LocalTime.MAX)).isEqualTo("24:00:00");
        assertThat(TextParsing.time("24:00:00")).isEqualTo(LocalTime.MAX);
        LocalDateTime ts = LocalDateTime.of(2000, 2, 29, 12, 34, 56, 789_012_000);
        assertThat(TextForms.of(ts)).isEqualTo("2000-02-29 12:34:56.789012");
        assertThat(TextParsing.timestamp("2000-02-29T12:34:56.789012")).isEqualTo(ts);
        OffsetDateTime instant = OffsetDateTime.of(ts, ZoneOffset.ofHours(5));
        assertThat(TextForms.of(instant)).isEqualTo("2000-02-29 07:34:56.789012+00:00");
        assertThat(TextParsing.instant("2000-02-29 12:34:56.789012+05:00", false)).isEqualTo(instant.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(TextParsing.instant("2026-11-11T12:00:00Z", false)).isEqualTo(OffsetDateTime.of(2026, 11, 11, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(TextParsing.instant("2026-11-11 12:00:00", true)).isEqualTo(OffsetDateTime.of(2026, 11, 11, 12, 0, 0, 0, ZoneOffset.UTC));
        OffsetTime tz = OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHours(14));
        assertThat(TextParsing.timeWithZone(TextForms.of(tz))).isEqualTo(tz);
    }

    @Test
    void intervalsKeepEveryFieldAndSignExactly() {
        for (Interval i : List.of(new Interval(0, 0, 0), new Interval(14, 3, 3_600_500_000L), new Interval(0, -1, 1),
                new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE), new Interval(-14, 0, -61_000_001))) {
            assertThat(TextParsing.interval(TextForms.of(i))).as(TextForms.of(i)).isEqualTo(i);
        }
        assertThat(TextForms.of(new Interval(14, 3, 3_723_500_000L))).isEqualTo("P1Y2M3DT1H2M3.5S");
        assertThat(TextForms.of(new Interval(0, 0, 0))).isEqualTo("PT0S");
    }

    @Test
    void arraysBecomeJsonArrays() {
        ArrayValue a = new ArrayValue(Arrays.asList(1L, null, "a,\"b\"", new BigDecimal("1.50"), true,
                new ArrayValue(List.of(LocalDate.of(2020, 1, 1))), Double.NaN));
        assertThat(TextForms.of(a)).isEqualTo("[1,null,\"a,\\\"b\\\"\",1.50,true,[\"2020-01-01\"],\"NaN\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-01-15 25:00:00", "15/01/2024", "1700000000", ""})
    void refusesWhatIsNotExactlyATimestamp(String text) {
        assertThatThrownBy(() -> TextParsing.timestamp(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
