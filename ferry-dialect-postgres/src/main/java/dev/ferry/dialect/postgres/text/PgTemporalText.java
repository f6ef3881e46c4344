package dev.ferry.dialect.postgres.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's ISO text of dates and times (DateStyle ISO), both ways. Years before 1 AD carry a
 * {@code " BC"} suffix (year 0 of java.time is 1 BC); {@code infinity} and {@code -infinity} are
 * the java.time types' MAX and MIN; {@code 24:00:00} is {@link LocalTime#MAX}.
 */
public final class PgTemporalText {
    private static final String BC = " BC";

    private PgTemporalText() {
    }

    public static LocalDate parseDate(String text) {
        if (text.equals("infinity")) {
            return LocalDate.MAX;
        } else if (text.equals("-infinity")) {
            return LocalDate.MIN;
        }
        boolean bc = text.endsWith(BC);
        return date(bc ? text.substring(0, text.length() - BC.length()) : text, bc);
    }

    public static LocalDateTime parseTimestamp(String text) {
        if (text.equals("infinity")) {
            return LocalDateTime.MAX;
        } else if (text.equals("-infinity")) {
            return LocalDateTime.MIN;
        }
        boolean bc = text.endsWith(BC);
        String s = bc ? text.substring(0, text.length() - BC.length()) : text;
        int space = s.indexOf(' ');
        return LocalDateTime.of(date(s.substring(0, space), bc), parseTime(s.substring(space + 1)));
    }

    public static OffsetDateTime parseTimestampTz(String text) {
        if (text.equals("infinity")) {
            return OffsetDateTime.MAX;
        } else if (text.equals("-infinity")) {
            return OffsetDateTime.MIN;
        }
        boolean bc = text.endsWith(BC);
        String s = bc ? text.substring(0, text.length() - BC.length()) : text;
        int space = s.indexOf(' ');
        String timeAndZone = s.substring(space + 1);
        int sign = offsetStart(timeAndZone);
        LocalDateTime local = LocalDateTime.of(date(s.substring(0, space), bc), parseTime(timeAndZone.substring(0, sign)));
        ZoneOffset offset = ZoneOffset.of(timeAndZone.substring(sign));
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** {@code HH:MM:SS[.ffffff]}; {@code 24:00:00} becomes {@link LocalTime#MAX}. */
    public static LocalTime parseTime(String text) {
        int hour = Integer.parseInt(text, 0, 2, 10);
        int minute = Integer.parseInt(text, 3, 5, 10);
        int second = Integer.parseInt(text, 6, 8, 10);
        if (hour == 24) {
            return LocalTime.MAX;
        }
        return LocalTime.of(hour, minute, second, text.length() > 9 ? nanos(text.substring(9)) : 0);
    }

    public static OffsetTime parseTimeTz(String text) {
        int sign = offsetStart(text);
        return OffsetTime.of(parseTime(text.substring(0, sign)), ZoneOffset.of(text.substring(sign)));
    }

    public static String formatDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        } else if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, d);
        return d.getYear() <= 0 ? sb.append(BC).toString() : sb.toString();
    }

    public static String formatTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        } else if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, t.toLocalDate());
        appendTime(sb.append(' '), t.toLocalTime());
        return t.getYear() <= 0 ? sb.append(BC).toString() : sb.toString();
    }

    /** The instant in UTC, e.g. {@code 2024-01-02 03:04:05.123456+00}. */
    public static String formatTimestampTz(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return "infinity";
        } else if (t.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        StringBuilder sb = new StringBuilder(36);
        appendDate(sb, utc.toLocalDate());
        appendTime(sb.append(' '), utc.toLocalTime());
        sb.append("+00");
        return utc.getYear() <= 0 ? sb.append(BC).toString() : sb.toString();
    }

    public static String formatTime(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return "24:00:00";
        }
        StringBuilder sb = new StringBuilder(16);
        appendTime(sb, t);
        return sb.toString();
    }

    public static String formatTimeTz(OffsetTime t) {
        StringBuilder sb = new StringBuilder(24).append(formatTime(t.toLocalTime()));
        int total = t.getOffset().getTotalSeconds();
        sb.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad(sb, total / 3600, 2).append(':');
        pad(sb, total / 60 % 60, 2);
        if (total % 60 != 0) {
            pad(sb.append(':'), total % 60, 2);
        }
        return sb.toString();
    }

    private static LocalDate date(String s, boolean bc) {
        int firstDash = s.indexOf('-', 1);
        int year = Integer.parseInt(s, 0, firstDash, 10);
        int month = Integer.parseInt(s, firstDash + 1, firstDash + 3, 10);
        int day = Integer.parseInt(s, firstDash + 4, firstDash + 6, 10);
        return LocalDate.of(bc ? 1 - year : year, month, day);
    }

    private static int offsetStart(String timeAndZone) {
        for (int i = 8; i < timeAndZone.length(); i++) {
            char c = timeAndZone.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        throw new IllegalArgumentException("no time zone offset in '" + timeAndZone + "'");
    }

    private static int nanos(String fraction) {
        int n = Integer.parseInt(fraction);
        for (int i = fraction.length(); i < 9; i++) {
            n *= 10;
        }
        return n;
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        pad(sb, year, 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            String digits = Integer.toString(nano + 1_000_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
