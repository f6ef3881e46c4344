package dev.ferry.core.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.core.value.ArrayValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON forms of portable values. {@link #array} writes a SQL array as a JSON array (numbers and
 * booleans as JSON numbers and booleans, every other element in its {@link TextForms text form});
 * {@link #canonical} gives the form two JSON documents are compared in: keys sorted, the last of
 * duplicate keys kept, numbers exact without trailing zeros, no insignificant white space. Engines
 * that store JSON parsed (PostgreSQL jsonb, MySQL json) change formatting and key order but never
 * the document, so canonical forms are equal exactly when the documents are.
 */
public final class JsonForms {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private JsonForms() {
    }

    public static String array(ArrayValue a) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeArray(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeArray(JsonGenerator g, ArrayValue a) throws IOException {
        g.writeStartArray();
        for (Object e : a.elements()) {
            writeElement(g, e);
        }
        g.writeEndArray();
    }

    private static void writeElement(JsonGenerator g, Object e) throws IOException {
        if (e == null) {
            g.writeNull();
        } else if (e instanceof ArrayValue nested) {
            writeArray(g, nested);
        } else if (e instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (e instanceof Long || e instanceof Integer || e instanceof Short) {
            g.writeNumber(((Number) e).longValue());
        } else if (e instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (e instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if ((e instanceof Double || e instanceof Float) && Double.isFinite(((Number) e).doubleValue())) {
            g.writeNumber(e.toString());
        } else {
            g.writeString(TextForms.of(e));
        }
    }

    /** Whether {@code text} is one well-formed JSON document. */
    public static boolean isValid(String text) {
        try {
            return parse(text) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical form of a JSON document; throws IllegalArgumentException if it is not JSON. */
    public static String canonical(String text) {
        JsonNode node = parse(text);
        StringBuilder sb = new StringBuilder(text.length());
        write(node, sb);
        return sb.toString();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                string(names.get(i), sb);
                sb.append(':');
                write(node.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = node.elements();
            for (int i = 0; it.hasNext(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(it.next(), sb);
            }
            sb.append(']');
        } else if (node.isNumber()) {
            sb.append(number(node.decimalValue()));
        } else if (node.isTextual()) {
            string(node.textValue(), sb);
        } else {
            sb.append(node.asText());
        }
    }

    private static String number(BigDecimal d) {
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        return s.scale() <= 0 && s.scale() >= -64 ? s.toBigIntegerExact().toString() : s.toString();
    }

    private static void string(String s, StringBuilder sb) {
        try {
            sb.append(MAPPER.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
