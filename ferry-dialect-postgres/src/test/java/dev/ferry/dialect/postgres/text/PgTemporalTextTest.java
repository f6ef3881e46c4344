package dev.ferry.dialect.postgres.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PgTemporalTextTest {

    @Test
    void datesIncludingBcAndInfinity() {
        assertThat(PgTemporalText.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PgTemporalText.parseDate("0044-03-15 BC")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(PgTemporalText.parseDate("5874897-12-31")).isEqualTo(LocalDate.of(5874897, 12, 31));
        assertThat(PgTemporalText.parseDate("infinity")).isEqualTo(LocalDate.MAX);
        assertThat(PgTemporalText.parseDate("-infinity")).isEqualTo(LocalDate.MIN);
        assertThat(PgTemporalText.formatDate(LocalDate.of(0, 1, 1))).isEqualTo("0001-01-01 BC");
        assertThat(PgTemporalText.formatDate(LocalDate.MIN)).isEqualTo("-infinity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "0044-03-15 BC", "4713-01-01 BC", "0001-01-01", "294276-12-31", "infinity", "-infinity"})
    void datesRoundTrip(String text) {
        assertThat(PgTemporalText.formatDate(PgTemporalText.parseDate(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-02-29 12:34:56.789012", "0001-01-01 00:00:00 BC", "294276-12-31 23:59:59.999999",
        "1970-01-01 00:00:00.5", "infinity", "-infinity"})
    void timestampsRoundTrip(String text) {
        assertThat(PgTemporalText.formatTimestamp(PgTemporalText.parseTimestamp(text))).isEqualTo(text);
    }

    @Test
    void timestampsWithZoneBecomeUtcInstants() {
        assertThat(PgTemporalText.parseTimestampTz("1999-12-31 23:59:59.999999+05:30"))
                .isEqualTo(OffsetDateTime.of(1999, 12, 31, 18, 29, 59, 999_999_000, ZoneOffset.UTC));
        assertThat(PgTemporalText.parseTimestampTz("4713-01-01 00:00:00+00 BC").getYear()).isEqualTo(-4712);
        assertThat(PgTemporalText.parseTimestampTz("infinity")).isEqualTo(OffsetDateTime.MAX);
        assertThat(PgTemporalText.formatTimestampTz(OffsetDateTime.of(2020, 1, 1, 5, 0, 0, 1000, ZoneOffset.ofHours(5))))
                .isEqualTo("2020-01-01 00:00:00.000001+00");
        assertThat(PgTemporalText.formatTimestampTz(PgTemporalText.parseTimestampTz("4713-01-01 00:00:00+00 BC")))
                .isEqualTo("4713-01-01 00:00:00+00 BC");
    }

    @Test
    void timesIncludingMidnightAtTheEnd() {
        assertThat(PgTemporalText.parseTime("12:00:00.5")).isEqualTo(LocalTime.of(12, 0, 0, 500_000_000));
        assertThat(PgTemporalText.parseTime("24:00:00")).isEqualTo(LocalTime.MAX);
        assertThat(PgTemporalText.formatTime(LocalTime.MAX)).isEqualTo("24:00:00");
        assertThat(PgTemporalText.parseTimeTz("00:00:00-12:30")).isEqualTo(OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHoursMinutes(-12, -30)));
        assertThat(PgTemporalText.formatTimeTz(OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHours(14))))
                .isEqualTo("23:59:59.999999+14:00");
        assertThat(PgTemporalText.formatTimeTz(OffsetTime.of(1, 2, 3, 0, ZoneOffset.UTC))).isEqualTo("01:02:03+00:00");
    }

    @Test
    void localDateTimeInfinities() {
        assertThat(PgTemporalText.parseTimestamp("infinity")).isEqualTo(LocalDateTime.MAX);
        assertThat(PgTemporalText.formatTimestamp(LocalDateTime.MIN)).isEqualTo("-infinity");
    }
}
