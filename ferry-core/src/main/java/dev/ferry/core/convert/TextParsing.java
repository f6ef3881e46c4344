package dev.ferry.core.convert;

import dev.ferry.core.value.Interval;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text forms of {@link TextForms} back, and the common spellings apps store in SQLite
 * ({@code 2024-01-15T10:30}, {@code 2024-01-15 10:30:00.123456Z}). Every method throws
 * {@link IllegalArgumentException} for text that is not exactly such a value; nothing is guessed
 * (no "yesterday", no Unix epochs, no day-first dates).
 */
public final class TextParsing {
    private static final Pattern DATE = Pattern.compile("[+-]?\\d{4,9}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern OFFSET = Pattern.compile("(?:Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)$");
    private static final Pattern INTERVAL = Pattern.compile(
            "P(?:(-?\\d+)Y)?(?:(-?\\d+)M)?(?:(-?\\d+)D)?(?:T(?:(-?\\d+)H)?(?:(-?\\d+)M)?(?:(-?\\d+(?:\\.\\d{1,6})?)S)?)?");

    private TextParsing() {
    }

    public static LocalDate date(String s) {
        String t = s.trim();
        if (t.equals(TextForms.INFINITY)) {
            return LocalDate.MAX;
        } else if (t.equals(TextForms.MINUS_INFINITY)) {
            return LocalDate.MIN;
        }
        require(DATE.matcher(t).matches(), s, "a date (YYYY-MM-DD)");
        try {
            int dash = t.indexOf('-', 1);
            int year = Integer.parseInt(t.substring(0, dash));
            return LocalDate.of(year, Integer.parseInt(t, dash + 1, dash + 3, 10), Integer.parseInt(t, dash + 4, dash + 6, 10));
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(s, "a date (YYYY-MM-DD)");
        }
    }

    /** {@code HH:MM[:SS[.fraction]]}; {@code 24:00:00} is {@link LocalTime#MAX}. */
    public static LocalTime time(String s) {
        Matcher m = TIME.matcher(s.trim());
        require(m.matches(), s, "a time of day (HH:MM:SS)");
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000000").substring(0, 9));
        if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.of(hour, minute, second, nanos);
        } catch (DateTimeException e) {
            throw invalid(s, "a time of day (HH:MM:SS)");
        }
    }

    /** {@code date[ T]time}, or a date alone (midnight, as SQLite's date functions read it); no offset allowed. */
    public static LocalDateTime timestamp(String s) {
        String t = s.trim();
        if (t.equals(TextForms.INFINITY)) {
            return LocalDateTime.MAX;
        } else if (t.equals(TextForms.MINUS_INFINITY)) {
            return LocalDateTime.MIN;
        } else if (DATE.matcher(t).matches()) {
            return date(t).atStartOfDay();
        }
        int sep = separator(t);
        require(sep > 0, s, "a timestamp (YYYY-MM-DD HH:MM:SS)");
        LocalTime time = time(t.substring(sep + 1));
        require(!time.equals(LocalTime.MAX), s, "a timestamp (YYYY-MM-DD HH:MM:SS)");
        return LocalDateTime.of(date(t.substring(0, sep)), time);
    }

    /**
     * An instant, normalised to UTC. Text without an offset is read as UTC when {@code naiveIsUtc}
     * (how Django and Rails store times in SQLite), and refused otherwise.
     */
    public static OffsetDateTime instant(String s, boolean naiveIsUtc) {
        String t = s.trim();
        if (t.equals(TextForms.INFINITY)) {
            return OffsetDateTime.MAX;
        } else if (t.equals(TextForms.MINUS_INFINITY)) {
            return OffsetDateTime.MIN;
        }
        if (naiveIsUtc && DATE.matcher(t).matches()) {
            return date(t).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        int sep = separator(t);
        require(sep > 0, s, "a timestamp with offset (YYYY-MM-DD HH:MM:SS+HH:MM)");
        Matcher offset = OFFSET.matcher(t);
        boolean hasOffset = offset.find(sep + 6);
        require(hasOffset || naiveIsUtc, s, "a timestamp with offset (YYYY-MM-DD HH:MM:SS+HH:MM)");
        String local = hasOffset ? t.substring(0, offset.start()).trim() : t;
        ZoneOffset zone = hasOffset ? zone(offset.group(), s) : ZoneOffset.UTC;
        return timestamp(local).atOffset(zone).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Whether a timestamp text ends in a UTC offset or Z. */
    public static boolean hasOffset(String s) {
        String t = s.trim();
        int sep = separator(t);
        return sep > 0 && OFFSET.matcher(t).find(sep + 6);
    }

    public static OffsetTime timeWithZone(String s) {
        String t = s.trim();
        Matcher offset = OFFSET.matcher(t);
        require(offset.find(5), s, "a time with offset (HH:MM:SS+HH:MM)");
        return OffsetTime.of(time(t.substring(0, offset.start())), zone(offset.group(), s));
    }

    /** The ISO 8601 form {@link TextForms#interval} writes. */
    public static Interval interval(String s) {
        Matcher m = INTERVAL.matcher(s.trim());
        require(m.matches() && s.trim().length() > 1 && !s.trim().endsWith("T"), s, "an ISO 8601 interval (P1Y2M3DT4H5M6S)");
        try {
            long months = Math.addExact(Math.multiplyExact(number(m.group(1)), 12L), number(m.group(2)));
            long micros = Math.addExact(Math.multiplyExact(number(m.group(4)), 3_600_000_000L),
                    Math.multiplyExact(number(m.group(5)), 60_000_000L));
            if (m.group(6) != null) {
                micros = Math.addExact(micros, new BigDecimal(m.group(6)).movePointRight(6).longValueExact());
            }
            return new Interval(Math.toIntExact(months), Math.toIntExact(number(m.group(3))), micros);
        } catch (ArithmeticException e) {
            throw invalid(s, "an interval within PostgreSQL's range");
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static int separator(String t) {
        int space = t.indexOf(' ');
        int tee = t.indexOf('T');
        int sep = space > 0 ? space : tee;
        return sep >= 10 ? sep : -1;
    }

    private static ZoneOffset zone(String text, String whole) {
        try {
            return text.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(text.length() == 3 ? text + ":00" : text);
        } catch (DateTimeException e) {
            throw invalid(whole, "a valid UTC offset");
        }
    }

    private static void require(boolean ok, String text, String what) {
        if (!ok) {
            throw invalid(text, what);
        }
    }

    static IllegalArgumentException invalid(String text, String what) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return new IllegalArgumentException("'" + shown + "' is not " + what);
    }
}
