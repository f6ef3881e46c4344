package dev.ferry.core.model;

import java.util.Objects;

/**
 * A schema-qualified object name. {@code schema} is null where the engine has a single namespace
 * per database (SQLite's main, the MariaDB database named in the URL).
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    /** Human-readable form for messages: {@code schema.name}, never quoted. */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public int compareTo(QualifiedName o) {
        return toString().compareTo(o.toString());
    }
}
