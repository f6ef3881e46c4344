package dev.ferry.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * What one column's values turned out to be, gathered while a backup reads them: the
 * representations seen and their extremes. A cross-engine restore picks target types from it
 * before writing anything: a SQLite INTEGER column that also holds text, a PostgreSQL date column
 * that holds 'infinity', a text key whose longest value fits a MariaDB VARCHAR. Fields that saw no
 * value of their kind are null.
 *
 * @param classes         the value representations seen (NULL included)
 * @param maxChars        the longest text (UTF-16 units), JSON document or native text
 * @param maxBytes        the longest binary value
 * @param minInteger      the smallest 64-bit integer
 * @param maxInteger      the largest 64-bit integer
 * @param maxIntegerDigits the most digits before the point of a decimal
 * @param maxScale        the most digits after the point of a decimal
 * @param nonFinite       whether a float or double was NaN or infinite
 * @param minEpochSecond  the earliest date or timestamp, as seconds since 1970 UTC
 * @param maxEpochSecond  the latest one (PostgreSQL's infinity is far out of every other engine's range)
 * @param maxNanoOfDay    the latest time of day (24:00:00 shows as 86399999999999)
 * @param textConforms    for a column whose declared kind is not text: whether every text value in it
 *                        reads as that kind (SQLite does not enforce declared types); null if it held no text.
 *                        For a TIMESTAMP column, text with UTC offsets counts as conforming...
 * @param textHasOffset   ...and this says some text carried an offset (it is then a timestamp with time zone)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, Set<ValueClass> classes, Long maxChars, Long maxBytes, Long minInteger,
                            Long maxInteger, Integer maxIntegerDigits, Integer maxScale, Boolean nonFinite,
                            Long minEpochSecond, Long maxEpochSecond, Long maxNanoOfDay, Boolean textConforms,
                            Boolean textHasOffset) {
    public ColumnProfile {
        classes = classes == null ? Set.of() : Set.copyOf(classes);
    }

    /** Whether the column held any non-null value of a class other than those given. */
    public boolean holdsOnly(Set<ValueClass> allowed) {
        return classes.stream().allMatch(c -> c == ValueClass.NULL || allowed.contains(c));
    }

    public boolean holds(ValueClass c) {
        return classes.contains(c);
    }

    /** True when no non-null value was seen. */
    public boolean allNull() {
        return holdsOnly(Set.of());
    }
}
