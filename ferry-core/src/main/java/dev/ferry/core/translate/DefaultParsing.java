package dev.ferry.core.translate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers for dialects reading their default expressions into a {@link PortableDefault}: standard SQL
 * string literals, numbers, booleans and the current-time functions every engine spells alike.
 * Anything else is {@link PortableDefault.Unportable}; a dialect handles its own spellings first
 * (PostgreSQL casts, MariaDB's current_timestamp(6)).
 */
public final class DefaultParsing {
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private DefaultParsing() {
    }

    /** Reads the common forms; {@code expression} null or blank is no default. */
    public static PortableDefault common(String expression) {
        if (expression == null || expression.isBlank()) {
            return PortableDefault.NONE;
        }
        String e = stripParentheses(expression.trim());
        String upper = e.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "NULL" -> {
                return PortableDefault.NONE;
            }
            case "TRUE", "FALSE" -> {
                return new PortableDefault.Literal(upper.equals("TRUE"));
            }
            case "CURRENT_TIMESTAMP", "NOW()", "LOCALTIMESTAMP" -> {
                return new PortableDefault.Now(PortableDefault.Clock.TIMESTAMP);
            }
            case "CURRENT_DATE" -> {
                return new PortableDefault.Now(PortableDefault.Clock.DATE);
            }
            case "CURRENT_TIME", "LOCALTIME" -> {
                return new PortableDefault.Now(PortableDefault.Clock.TIME);
            }
            default -> { }
        }
        String text = stringLiteral(e);
        if (text != null) {
            return new PortableDefault.Literal(text);
        }
        Object number = number(e);
        return number != null ? new PortableDefault.Literal(number) : new PortableDefault.Unportable(expression);
    }

    /** The value of a {@code 'it''s'} literal, or null if the text is not exactly one. */
    public static String stringLiteral(String text) {
        Matcher m = STRING.matcher(text);
        return m.matches() ? m.group(1).replace("''", "'") : null;
    }

    /** A Long or BigDecimal for a numeric literal, or null. */
    public static Object number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        boolean integral = text.indexOf('.') < 0 && text.toLowerCase(Locale.ROOT).indexOf('e') < 0;
        if (integral && d.unscaledValue().bitLength() < 64) {
            return d.longValueExact();
        }
        return d;
    }

    /** {@code ((x))} becomes {@code x}, when the parentheses enclose the whole text. */
    public static String stripParentheses(String text) {
        String t = text;
        while (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && enclosesAll(t)) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static boolean enclosesAll(String t) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < t.length() - 1) {
                return false;
            }
        }
        return true;
    }
}
