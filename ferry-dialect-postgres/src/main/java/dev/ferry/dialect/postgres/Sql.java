package dev.ferry.dialect.postgres;

import dev.ferry.core.model.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL spelling of identifiers and, where DDL has no parameters (enum labels, comments), of
 * string literals. Every name Ferry writes into SQL goes through here.
 */
public final class Sql {
    private Sql() {
    }

    /** {@code "name"} with embedded double quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}, or just {@code "name"} without a schema. */
    public static String qualified(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /** A comma-separated list of quoted identifiers. */
    public static String columnList(List<String> columns) {
        return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }

    /**
     * A string literal for DDL that takes no bind parameters (CREATE TYPE ... AS ENUM, COMMENT ON):
     * single quotes doubled; an {@code E''} literal with doubled backslashes when the text has any, so
     * the result does not depend on standard_conforming_strings.
     */
    public static String literal(String text) {
        String body = text.replace("'", "''");
        if (body.indexOf('\\') >= 0) {
            return "E'" + body.replace("\\", "\\\\") + "'";
        }
        return "'" + body + "'";
    }
}
