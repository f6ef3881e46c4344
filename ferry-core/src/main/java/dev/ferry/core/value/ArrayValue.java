package dev.ferry.core.value;

import java.util.Collections;
import java.util.List;

/**
 * A SQL array: elements are portable values (null allowed); a multi-dimensional array nests
 * {@code ArrayValue}s. Lower bounds other than 1 are not kept.
 */
public record ArrayValue(List<Object> elements) {
    public ArrayValue {
        elements = Collections.unmodifiableList(new java.util.ArrayList<>(elements));
    }
}
