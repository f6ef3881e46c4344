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
    void writesTheTimeInHoursWhichPostgres12ReadsUpTo2147483647Hours() {
        assertThat(PgIntervalText.format(new Interval(1, 2, 3_600_000_000L))).isEqualTo("1 mons 2 days 1:00:00.000000");
        assertThat(PgIntervalText.format(new Interval(0, 0, -(4 * 3_600_000_000L + 5 * 60_000_000L + 6_000_001L))))
                .isEqualTo("0 mons 0 days -4:05:06.000001");
        assertThat(PgIntervalText.format(new Interval(0, -1, 1))).isEqualTo("0 mons -1 days 0:00:00.000001");
        assertThat(PgIntervalText.format(new Interval(0, 0, Integer.MAX_VALUE * 3_600_000_000L + 3_599_999_999L)))
                .isEqualTo("0 mons 0 days 2147483647:59:59.999999");
    }

    @Test
    void writesMicrosecondsBeyondSoPostgres15AndLaterReadExtremes() {
        assertThat(PgIntervalText.format(new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE)))
                .isEqualTo("2147483647 mons -2147483648 days -9223372036854775808 microseconds");
        assertThat(PgIntervalText.format(new Interval(0, 0, (Integer.MAX_VALUE + 1L) * 3_600_000_000L)))
                .isEqualTo("0 mons 0 days 7730941132800000000 microseconds");
    }

    @Test
    void formatThenParseIsTheIdentity() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            long micros = i % 2 == 0 ? random.nextLong() : random.nextInt();
            Interval interval = new Interval(random.nextInt(), random.nextInt(), micros);
            String text = PgIntervalText.format(interval);
            if (!text.endsWith("microseconds")) {
                assertThat(PgIntervalText.parse(text)).as(text).isEqualTo(interval);
            }
        }
    }
}
