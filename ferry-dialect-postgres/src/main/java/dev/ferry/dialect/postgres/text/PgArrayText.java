package dev.ferry.dialect.postgres.text;

import dev.ferry.core.value.ArrayValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * PostgreSQL array literals ({@code {1,NULL,"a \"b\""}}, nested for more dimensions), both ways.
 * Elements are parsed or written by the element type's own text conversion. A lower-bound prefix
 * such as {@code [0:2]=} is dropped: {@link ArrayValue} does not keep bounds.
 */
public final class PgArrayText {
    private final String text;
    private final Function<String, Object> element;
    private int pos;

    private PgArrayText(String text, Function<String, Object> element) {
        this.text = text;
        this.element = element;
    }

    public static ArrayValue parse(String text, Function<String, Object> element) {
        PgArrayText parser = new PgArrayText(text, element);
        parser.pos = text.startsWith("[") ? text.indexOf('=') + 1 : 0;
        return parser.array();
    }

    /** The literal of an array; elements other than nested arrays are written with {@code elementText} and quoted. */
    public static String format(ArrayValue array, Function<Object, String> elementText) {
        StringBuilder sb = new StringBuilder();
        append(sb, array, elementText);
        return sb.toString();
    }

    private static void append(StringBuilder sb, ArrayValue array, Function<Object, String> elementText) {
        sb.append('{');
        boolean first = true;
        for (Object e : array.elements()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (e == null) {
                sb.append("NULL");
            } else if (e instanceof ArrayValue nested) {
                append(sb, nested, elementText);
            } else {
                quoted(sb, elementText.apply(e));
            }
        }
        sb.append('}');
    }

    private static void quoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private ArrayValue array() {
        expect('{');
        List<Object> items = new ArrayList<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return new ArrayValue(items);
        }
        while (true) {
            skipSpaces();
            items.add(item());
            skipSpaces();
            char c = text.charAt(pos++);
            if (c == '}') {
                return new ArrayValue(items);
            } else if (c != ',') {
                throw new IllegalArgumentException("malformed array literal at " + (pos - 1) + ": " + text);
            }
        }
    }

    private Object item() {
        char c = peek();
        if (c == '{') {
            return array();
        } else if (c == '"') {
            return element.apply(quotedItem());
        }
        String raw = unquotedItem();
        return raw.equalsIgnoreCase("NULL") ? null : element.apply(raw);
    }

    private String quotedItem() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            sb.append(c == '\\' ? text.charAt(pos++) : c);
        }
    }

    private String unquotedItem() {
        StringBuilder sb = new StringBuilder();
        while (peek() != ',' && peek() != '}') {
            char c = text.charAt(pos++);
            sb.append(c == '\\' ? text.charAt(pos++) : c);
        }
        return sb.toString().strip();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in array literal: " + text);
        }
        pos++;
    }
}
