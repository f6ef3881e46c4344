package dev.ferry.dialect.postgres.text;

import dev.ferry.core.value.Interval;

/**
 * Intervals in PostgreSQL's {@code postgres} IntervalStyle (the session style Ferry sets), e.g.
 * {@code -1 years -2 mons +3 days -04:05:06.000001}, parsed exactly into months, days and
 * microseconds; written back as {@code M mons D days [-]H:MM:SS.ffffff} ({@link #format}).
 */
public final class PgIntervalText {
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private PgIntervalText() {
    }

    public static Interval parse(String text) {
        String[] tokens = text.trim().split(" +");
        int months = 0;
        int days = 0;
        long micros = 0;
        int i = 0;
        while (i < tokens.length) {
            String token = tokens[i];
            if (token.indexOf(':') >= 0) {
                micros = time(token);
                i++;
                continue;
            }
            int amount = Integer.parseInt(token);
            String unit = tokens[i + 1];
            if (unit.startsWith("year")) {
                months += amount * 12;
            } else if (unit.startsWith("mon")) {
                months += amount;
            } else if (unit.startsWith("day")) {
                days = amount;
            } else {
                throw new IllegalArgumentException("unexpected interval unit '" + unit + "' in '" + text + "'");
            }
            i += 2;
        }
        return new Interval(months, days, micros);
    }

    /**
     * {@code M mons D days [-]H:MM:SS.ffffff}: PostgreSQL 12 to 14 read each interval field as a
     * 32-bit int, so a time written in microseconds overflows past 35 minutes there, while hours
     * reach 2147483647. Beyond that (only 15 and later can hold such a time at all) the
     * microseconds are written as such, which 15 and later read exactly.
     */
    public static String format(Interval interval) {
        return interval.months() + " mons " + interval.days() + " days " + time(interval.micros());
    }

    private static String time(long micros) {
        if (micros == Long.MIN_VALUE || Math.abs(micros) / MICROS_PER_HOUR > Integer.MAX_VALUE) {
            return micros + " microseconds";
        }
        long abs = Math.abs(micros);
        return String.format("%s%d:%02d:%02d.%06d", micros < 0 ? "-" : "", abs / MICROS_PER_HOUR,
                abs % MICROS_PER_HOUR / MICROS_PER_MINUTE, abs % MICROS_PER_MINUTE / MICROS_PER_SECOND, abs % MICROS_PER_SECOND);
    }

    /** {@code [+-]H:MM:SS[.ffffff]}; accumulates with the sign so Long.MIN_VALUE stays exact. */
    private static long time(String token) {
        boolean negative = token.charAt(0) == '-';
        int start = negative || token.charAt(0) == '+' ? 1 : 0;
        int c1 = token.indexOf(':', start);
        int c2 = token.indexOf(':', c1 + 1);
        int dot = token.indexOf('.', c2);
        long hours = Long.parseLong(token, start, c1, 10);
        long minutes = Long.parseLong(token, c1 + 1, c2, 10);
        long seconds = Long.parseLong(token, c2 + 1, dot < 0 ? token.length() : dot, 10);
        long fraction = dot < 0 ? 0 : fractionMicros(token.substring(dot + 1));
        long sign = negative ? -1 : 1;
        return sign * hours * MICROS_PER_HOUR + sign * minutes * MICROS_PER_MINUTE
                + sign * seconds * MICROS_PER_SECOND + sign * fraction;
    }

    private static long fractionMicros(String digits) {
        long n = Long.parseLong(digits);
        for (int i = digits.length(); i < 6; i++) {
            n *= 10;
        }
        return n;
    }
}
