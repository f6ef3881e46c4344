package dev.ferry.bench.data;

import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a column template into one engine's SQL expression over the row number {@code g}. The
 * placeholders are the same for every engine; only {@code ts} and {@code bytes} need the flavor, and
 * everything else is integer arithmetic ({@code + * %}, never {@code /}), CASE, {@code substr} and
 * {@code ||}, which the three engines evaluate alike. Operands of {@code ||} must be atoms or parenthesized:
 * {@code ||} binds tighter than {@code %} in SQLite and MariaDB, looser in PostgreSQL. Innermost
 * placeholders expand first:
 * <ul>
 *   <li>{@code {g}}: the row number, 1..rows;</li>
 *   <li>{@code {h:K}}: a pseudo-random integer in [0, 2^31-1) from the row number, salt K and the seed;</li>
 *   <li>{@code {rows:TABLE}}: TABLE's row count;</li>
 *   <li>{@code {ref:TABLE:K}}: a primary key of TABLE (1..its rows), chosen by {@code {h:K}};</li>
 *   <li>{@code {word:K}}: one of eight words, most of them non-ASCII (umlauts, CJK, Greek, an emoji);</li>
 *   <li>{@code {text:K:MIN:SPAN}}: a Unicode passage of MIN to MIN+SPAN-1 characters;</li>
 *   <li>{@code {country:K}}: one of eight two-letter country codes;</li>
 *   <li>{@code {dec:EXPR}}: EXPR / 10000 as an exact decimal (four places);</li>
 *   <li>{@code {nullif:K:M:EXPR}}: NULL for one row in M, else EXPR;</li>
 *   <li>{@code {ts:EXPR}}: the timestamp EXPR seconds after 2020-01-01 00:00:00;</li>
 *   <li>{@code {bytes:EXPR}}: the UTF-8 bytes of the text EXPR as a binary value.</li>
 * </ul>
 */
final class Templates {
    static final String[] WORDS = {"Grüße", "café", "naïve", "東京", "Ωμέγα", "Straße", "crème brûlée", "📦 box"};
    /** 200+ characters of mixed scripts; {@code text} takes substrings of it (by character, in every engine). */
    static final String PASSAGE = "Lorem ipsum dolor sit amet, Grüße aus Köln. 東京の倉庫から出荷します。"
            + " Ωμέγα παράδοση σήμερα; crème brûlée à la française, naïve café 📦🚚 consectetur adipiscing elit,"
            + " sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis"
            + " nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.";
    private static final String COUNTRIES = "DEFRJPGRUSITESNL";
    private static final int PASSAGE_STARTS = 60;
    private static final Pattern INNERMOST = Pattern.compile("\\{([a-z]+)(?::([^{}]*))?}");
    private static final long PRIME = 2_147_483_647L;

    private final SqlFlavor flavor;
    private final long seed;
    private final ToLongFunction<String> rowsOf;

    Templates(SqlFlavor flavor, long seed, ToLongFunction<String> rowsOf) {
        this.flavor = flavor;
        this.seed = seed;
        this.rowsOf = rowsOf;
    }

    String expand(String template) {
        String sql = template;
        for (Matcher m = INNERMOST.matcher(sql); m.find(); m = INNERMOST.matcher(sql)) {
            sql = sql.substring(0, m.start()) + placeholder(m.group(1), m.group(2)) + sql.substring(m.end());
        }
        return sql;
    }

    private String placeholder(String name, String args) {
        return switch (name) {
            case "g" -> "g";
            case "h" -> hash(Integer.parseInt(args));
            case "rows" -> Long.toString(rowsOf.applyAsLong(args));
            case "ref" -> ref(args.split(":"));
            case "word" -> word(Integer.parseInt(args));
            case "text" -> text(args.split(":"));
            case "country" -> "substr('" + COUNTRIES + "', " + flavor.integer("1 + 2 * (" + hash(Integer.parseInt(args)) + " % 8)") + ", 2)";
            case "dec" -> "((" + args + ") / 10000.0)";
            case "nullif" -> nullIf(args.split(":", 3));
            case "ts" -> flavor.timestamp(args);
            case "bytes" -> flavor.bytes(args);
            default -> throw new IllegalArgumentException("unknown template placeholder {" + name + "}");
        };
    }

    /** A multiplicative hash modulo a prime, distinct multiplier and offset per salt; fits in 63 bits for salts below 100 and g up to 10^8. */
    private String hash(int salt) {
        long multiplier = 2_654_435_761L + salt * 86_028_157L;
        long offset = Math.floorMod(seed * 1_000_003L + salt * 97_531L, PRIME);
        return "((g * " + multiplier + " + " + offset + ") % " + PRIME + ")";
    }

    private String ref(String[] args) {
        long rows = rowsOf.applyAsLong(args[0]);
        return "(1 + " + hash(Integer.parseInt(args[1])) + " % " + rows + ")";
    }

    private String word(int salt) {
        StringBuilder sql = new StringBuilder("CASE " + hash(salt) + " % " + WORDS.length);
        for (int i = 0; i < WORDS.length; i++) {
            sql.append(" WHEN ").append(i).append(" THEN '").append(WORDS[i]).append('\'');
        }
        return sql.append(" END").toString();
    }

    private String text(String[] args) {
        int salt = Integer.parseInt(args[0]);
        int min = Integer.parseInt(args[1]);
        int span = Integer.parseInt(args[2]);
        if (PASSAGE_STARTS + min + span > PASSAGE.codePointCount(0, PASSAGE.length())) {
            throw new IllegalArgumentException("text longer than the passage: " + min + "+" + span);
        }
        return "substr('" + PASSAGE + "', " + flavor.integer("1 + " + hash(salt) + " % " + PASSAGE_STARTS) + ", "
                + flavor.integer(min + " + " + hash(salt + 1) + " % " + span) + ")";
    }

    private String nullIf(String[] args) {
        return "CASE WHEN " + hash(Integer.parseInt(args[0])) + " % " + args[1] + " = 0 THEN NULL ELSE " + args[2] + " END";
    }
}
