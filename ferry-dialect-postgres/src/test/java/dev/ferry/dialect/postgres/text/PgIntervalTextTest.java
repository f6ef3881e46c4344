package dev.ferry.dialect.postgres.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.value.Interval;
import org.junit.jupiter.api.Test;

class PgIntervalTextTest {

    @Test
    void parsesEveryPartWithItsOwnSign() {
        assertThat(PgIntervalText.parse("-1 years -2 mons +3 days -04:05:06.000001"))
                .isEqualTo(new Interval(-14, 3, -(4 * 3_600_000_000L + 5 * 60_000_000L + 6_000_001L)));
        assertThat(PgIntervalText.parse("00:00:00")).isEqualTo(new Interval(0, 0, 0));
        assertThat(PgIntervalText.parse("1 day")).isEqualTo(new Interval(0, 1, 0));
        assertThat(PgIntervalText.parse("1 mon 00:00:00.5")).isEqualTo(new Interval(1, 0, 500_000));
    }

    @Test
    void extremesAreExact() {
        assertThat(PgIntervalText.parse("178956970 years 7 mons -2147483648 days -2562047788:00:54.775808"))
                .isEqualTo(new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE));
        assertThat(PgIntervalText.parse("-178956970 years -8 mons 2147483647 days 2562047788:00:54.775807"))
                .isEqualTo(new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void writesMicrosecondsSoTheServerReadsExtremes() {
        assertThat(PgIntervalText.format(new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE)))
                .isEqualTo("2147483647 mons -2147483648 days -9223372036854775808 microseconds");
    }
}
