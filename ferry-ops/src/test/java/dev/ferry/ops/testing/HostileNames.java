package dev.ferry.ops.testing;

import java.util.List;

/**
 * Identifiers and values that break SQL built by string concatenation: every quote character,
 * statement separators, comments, spaces, Unicode, reserved words, JDBC placeholders and escapes.
 * Every dialect's hostile-input test creates its schema from these and must round-trip it exactly.
 */
public final class HostileNames {
    /** Names usable on every engine (no emoji: MariaDB identifiers are limited to the BMP). */
    public static final List<String> NAMES = List.of("double\"quote", "single'quote", "back`tick", "semi;colon",
            "dash--comment", "slash/*comment*/", "two  spaces", "Ünïcødé ✓ 表", "select", "order", "user", "question?mark",
            "{fn now()}", "back\\slash", "dollar$1", "percent%s", "a.b", "1digit", "MixedCase", "x');DROP TABLE t;--");

    /** Text values: quotes, escapes, separators, COPY's special characters, Unicode beyond the BMP. */
    public static final List<String> TEXTS = List.of("it's", "\"q\"", "back\\slash\\N", "\\.", "tab\there\nnew line\r",
            "semi;colon -- comment /* c */", "🚢 ferry ✓ 表", "", " ", "null", "NULL", "\\N", "$$", "%s?{fn now()}");

    private HostileNames() {
    }

    /** A name of exactly {@code units} characters (or bytes, for 'é' two each), unique by its first character. */
    public static String ofLength(char first, String unit, int units) {
        return first + unit.repeat(units - 1);
    }
}
