package dev.ferry.core.model;

import java.util.List;

/** A named enumerated type (PostgreSQL CREATE TYPE ... AS ENUM), labels in sort order. */
public record EnumType(QualifiedName name, List<String> labels) {
    public EnumType {
        labels = List.copyOf(labels);
    }
}
