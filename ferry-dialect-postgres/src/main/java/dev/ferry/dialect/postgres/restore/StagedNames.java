package dev.ferry.dialect.postgres.restore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the few places where archived PostgreSQL texts name the target schema (introspection
 * qualifies every name: {@code nextval('public.s'::regclass)}, {@code 'a'::public.mood},
 * {@code CREATE INDEX i ON public.t ...}, a column of type {@code public.mood}) so they name the
 * staging schema instead, and tells whether any other mention is left, in which case staging cannot
 * be trusted to build the same objects and the restore falls back to one transaction. Only mentions
 * outside string literals are rewritten, except the sequence name inside {@code nextval('...')}.
 */
final class StagedNames {
    private final String stage;
    private final Pattern mention;
    private final Pattern rewritable;
    private final Pattern leading;

    /** @param namespace the target schema; @param stage the staging schema (a plain lower-case name) */
    StagedNames(String namespace, String stage) {
        this.stage = stage;
        String forms = alternatives(namespace);
        this.mention = Pattern.compile("(?<![A-Za-z0-9_$\"])" + forms + "\\.");
        this.rewritable = Pattern.compile("(::|nextval\\('| ON | ON ONLY )" + forms + "\\.");
        this.leading = Pattern.compile("^" + forms + "\\.");
    }

    /** The bare spelling (when the name needs no quotes) and the quoted one. */
    private static String alternatives(String namespace) {
        String quoted = Pattern.quote('"' + namespace.replace("\"", "\"\"") + '"');
        return namespace.matches("[a-z_][a-z0-9_$]*") ? "(?:" + Pattern.quote(namespace) + "|" + quoted + ")" : "(?:" + quoted + ")";
    }

    /**
     * {@code text} naming the staging schema where it named the target's in a rewritable place, or
     * null when a mention of the target schema remains (a function, domain or other object staging
     * does not build), or when a rewritable place is inside a string literal.
     */
    String rewrite(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = rewritable.matcher(text);
        int last = 0;
        while (m.find()) {
            boolean inLiteral = quotesBefore(text, m.start()) % 2 == 1;
            if (inLiteral) {
                return null;
            }
            out.append(text, last, m.start()).append(m.group(1)).append(stage).append('.');
            last = m.end();
        }
        out.append(text.substring(last));
        String result = out.toString();
        return mention.matcher(result).find() ? null : result;
    }

    /** {@code type} with a leading mention of the target schema (an enum of the archive) moved to the stage. */
    String rewriteType(String type) {
        Matcher m = leading.matcher(type);
        return m.find() ? stage + "." + type.substring(m.end()) : type;
    }

    /** Whether {@code text} mentions the target schema anywhere (null: it does not). */
    boolean mentions(String text) {
        return text != null && mention.matcher(text).find();
    }

    private static int quotesBefore(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\'') {
                n++;
            }
        }
        return n;
    }
}
