package dev.ferry.dialect.postgres.text;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns PostgreSQL's output text of a column (its type output function's text) into the portable
 * value for its {@link DataType}. Exact for every kind: no value passes through a double unless it
 * is one.
 */
public final class PgValueParser {
    private PgValueParser() {
    }

    /** The conversion for one column type, chosen once per column. */
    public static Function<String, Object> forType(DataType type) {
        TypeKind kind = type.kind();
        return switch (kind) {
            case BOOLEAN -> s -> s.charAt(0) == 't';
            case SMALLINT, INTEGER, BIGINT -> Long::valueOf;
            case DECIMAL -> PgValueParser::decimal;
            case REAL -> Float::valueOf;
            case DOUBLE -> Double::valueOf;
            case CHAR, VARCHAR, TEXT, ENUM -> s -> s;
            case BINARY, VARBINARY, BLOB -> PgValueParser::bytea;
            case DATE -> PgTemporalText::parseDate;
            case TIME -> PgTemporalText::parseTime;
            case TIME_TZ -> PgTemporalText::parseTimeTz;
            case TIMESTAMP -> PgTemporalText::parseTimestamp;
            case TIMESTAMP_TZ -> PgTemporalText::parseTimestampTz;
            case INTERVAL -> PgIntervalText::parse;
            case UUID -> UUID::fromString;
            case JSON -> Json::new;
            case BIT -> BitString::new;
            case ARRAY -> array(type);
            case NATIVE -> s -> new NativeValue(type.nativeType(), s);
        };
    }

    /**
     * An array; one with lower bounds other than 1 ({@code [0:1]={7,8}}) stays whole as a
     * {@link NativeValue}, because {@link dev.ferry.core.value.ArrayValue} would lose its bounds.
     */
    private static Function<String, Object> array(DataType type) {
        Function<String, Object> elementParser = forType(type.element());
        return s -> s.startsWith("[") ? new NativeValue(type.nativeType(), s) : PgArrayText.parse(s, elementParser);
    }

    /** numeric; its NaN and infinities have no BigDecimal form and become the Double values. */
    static Object decimal(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> new BigDecimal(s);
        };
    }

    /** bytea in hex output format: {@code \x0a0b}. */
    static byte[] bytea(String s) {
        if (!s.startsWith("\\x")) {
            throw new IllegalArgumentException("bytea text is not in hex format (bytea_output=hex): " + s);
        }
        return HexFormat.of().parseHex(s, 2, s.length());
    }
}
