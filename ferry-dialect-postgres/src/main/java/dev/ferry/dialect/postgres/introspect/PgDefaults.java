package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.translate.DefaultParsing;
import dev.ferry.core.translate.PortableDefault;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's text of a default (pg_get_expr) in engine-neutral terms for a restore into
 * another engine: {@code 'abc'::character varying} and {@code '-1'::integer} are literals,
 * {@code now()} and {@code CURRENT_TIMESTAMP} the insert time, {@code NULL::text} no default;
 * function calls and other expressions stay PostgreSQL's own.
 */
public final class PgDefaults {
    /** A literal with an optional cast chain: {@code 'x'::text}, {@code ('now'::text)::date} is not one. */
    private static final Pattern CAST_LITERAL = Pattern.compile("(E?'(?:[^']|'')*')(?:::[a-zA-Z_][\\w .\"\\[\\]()]*)?");
    private static final Pattern NULL_CAST = Pattern.compile("(?i)NULL(?:::[\\w .\"\\[\\]()]+)?");

    private PgDefaults() {
    }

    public static PortableDefault read(String expression) {
        if (expression == null || expression.isBlank()) {
            return PortableDefault.NONE;
        }
        String e = DefaultParsing.stripParentheses(expression.trim());
        if (NULL_CAST.matcher(e).matches()) {
            return PortableDefault.NONE;
        }
        switch (e.toLowerCase(Locale.ROOT)) {
            case "now()", "statement_timestamp()", "transaction_timestamp()", "clock_timestamp()", "current_timestamp",
                 "localtimestamp" -> {
                return new PortableDefault.Now(PortableDefault.Clock.TIMESTAMP);
            }
            case "current_date", "('now'::text)::date" -> {
                return new PortableDefault.Now(PortableDefault.Clock.DATE);
            }
            default -> { }
        }
        Matcher m = CAST_LITERAL.matcher(e);
        if (m.matches()) {
            String literal = m.group(1);
            return literal.startsWith("E") ? new PortableDefault.Unportable(expression)
                    : new PortableDefault.Literal(DefaultParsing.stringLiteral(literal));
        }
        return DefaultParsing.common(e);
    }
}
