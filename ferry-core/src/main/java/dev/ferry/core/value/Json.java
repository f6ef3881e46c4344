package dev.ferry.core.value;

import java.util.Objects;

/** A JSON document, kept as the text the engine returned. */
public record Json(String text) {
    public Json {
        Objects.requireNonNull(text, "text");
    }
}
