package dev.ferry.core.profile;

import dev.ferry.core.convert.Conversions;
import dev.ferry.core.convert.JsonForms;
import dev.ferry.core.convert.TextParsing;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers {@link ColumnProfile}s row by row. Cheap on the hot path: a class test and a comparison
 * or two per value; the text-conformity check runs only for text found in a column of another kind.
 * One builder per thread; builders of parts of a table {@link #merge}.
 */
public final class ProfileBuilder {
    private static final Set<TypeKind> TEXT_KINDS = EnumSet.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT,
            TypeKind.ENUM, TypeKind.NATIVE, TypeKind.BLOB, TypeKind.BINARY, TypeKind.VARBINARY, TypeKind.ARRAY);

    private final List<Column> columns;
    private final Stats[] stats;

    public ProfileBuilder(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.stats = new Stats[columns.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new Stats(columns.get(i).type().kind());
        }
    }

    public void add(Object[] row) {
        for (int i = 0; i < stats.length; i++) {
            stats[i].add(row[i]);
        }
    }

    public void merge(ProfileBuilder other) {
        for (int i = 0; i < stats.length; i++) {
            stats[i].merge(other.stats[i]);
        }
    }

    public List<ColumnProfile> build() {
        List<ColumnProfile> out = new ArrayList<>(stats.length);
        for (int i = 0; i < stats.length; i++) {
            out.add(stats[i].build(columns.get(i).name()));
        }
        return out;
    }

    /** One column's running extremes. */
    private static final class Stats {
        private final TypeKind kind;
        private final EnumSet<ValueClass> classes = EnumSet.noneOf(ValueClass.class);
        private Long maxChars;
        private Long maxBytes;
        private Long minInteger;
        private Long maxInteger;
        private Integer maxIntegerDigits;
        private Integer maxScale;
        private boolean nonFinite;
        private Long minEpochSecond;
        private Long maxEpochSecond;
        private Long maxNanoOfDay;
        private Boolean textConforms;
        private boolean textHasOffset;

        Stats(TypeKind kind) {
            this.kind = kind;
        }

        void add(Object v) {
            ValueClass c = ValueClass.of(v);
            classes.add(c);
            switch (c) {
                case TEXT -> text((String) v);
                case INTEGER -> integer(((Number) v).longValue());
                case BYTES -> maxBytes = max(maxBytes, ((byte[]) v).length);
                case DECIMAL -> decimal((BigDecimal) v);
                case DOUBLE, FLOAT -> nonFinite |= !Double.isFinite(((Number) v).doubleValue());
                case JSON -> maxChars = max(maxChars, ((Json) v).text().length());
                case NATIVE -> maxChars = max(maxChars, ((NativeValue) v).text().length());
                case DATE -> epoch(((LocalDate) v).toEpochDay() * 86_400L);
                case TIMESTAMP -> epoch(((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC));
                case TIMESTAMP_TZ -> epoch(((OffsetDateTime) v).toEpochSecond());
                case TIME -> maxNanoOfDay = max(maxNanoOfDay, ((LocalTime) v).toNanoOfDay());
                default -> { }
            }
        }

        private void text(String s) {
            maxChars = max(maxChars, s.length());
            if (!TEXT_KINDS.contains(kind) && !Boolean.FALSE.equals(textConforms)) {
                textConforms = conforms(s);
            }
        }

        private boolean conforms(String s) {
            if (kind == TypeKind.JSON) {
                return JsonForms.isValid(s);
            }
            if (kind == TypeKind.TIMESTAMP && Conversions.converts(TypeKind.TIMESTAMP_TZ, s)) {
                textHasOffset |= TextParsing.hasOffset(s);
                return true;
            }
            return Conversions.converts(kind, s);
        }

        private void integer(long n) {
            minInteger = minInteger == null ? n : Math.min(minInteger, n);
            maxInteger = maxInteger == null ? n : Math.max(maxInteger, n);
        }

        private void decimal(BigDecimal d) {
            int scale = Math.max(0, d.scale());
            maxScale = maxScale == null ? scale : Math.max(maxScale, scale);
            int integerDigits = Math.max(0, d.precision() - d.scale());
            maxIntegerDigits = maxIntegerDigits == null ? integerDigits : Math.max(maxIntegerDigits, integerDigits);
        }

        private void epoch(long seconds) {
            minEpochSecond = minEpochSecond == null ? seconds : Math.min(minEpochSecond, seconds);
            maxEpochSecond = maxEpochSecond == null ? seconds : Math.max(maxEpochSecond, seconds);
        }

        void merge(Stats o) {
            classes.addAll(o.classes);
            maxChars = max(maxChars, o.maxChars);
            maxBytes = max(maxBytes, o.maxBytes);
            minInteger = min(minInteger, o.minInteger);
            maxInteger = max(maxInteger, o.maxInteger);
            maxIntegerDigits = o.maxIntegerDigits == null ? maxIntegerDigits
                    : maxIntegerDigits == null ? o.maxIntegerDigits : Math.max(maxIntegerDigits, o.maxIntegerDigits);
            maxScale = o.maxScale == null ? maxScale : maxScale == null ? o.maxScale : Math.max(maxScale, o.maxScale);
            nonFinite |= o.nonFinite;
            minEpochSecond = min(minEpochSecond, o.minEpochSecond);
            maxEpochSecond = max(maxEpochSecond, o.maxEpochSecond);
            maxNanoOfDay = max(maxNanoOfDay, o.maxNanoOfDay);
            textHasOffset |= o.textHasOffset;
            if (o.textConforms != null) {
                textConforms = textConforms == null ? o.textConforms : textConforms && o.textConforms;
            }
        }

        ColumnProfile build(String name) {
            return new ColumnProfile(name, classes, maxChars, maxBytes, minInteger, maxInteger, maxIntegerDigits, maxScale,
                    nonFinite ? Boolean.TRUE : null, minEpochSecond, maxEpochSecond, maxNanoOfDay, textConforms,
                    textHasOffset ? Boolean.TRUE : null);
        }

        private static Long max(Long a, long b) {
            return a == null ? b : Math.max(a, b);
        }

        private static Long max(Long a, Long b) {
            return b == null ? a : max(a, b.longValue());
        }

        private static Long min(Long a, Long b) {
            return b == null ? a : a == null ? b : Math.min(a, b);
        }
    }
}
