package dev.ferry.dialect.mysql;

import dev.ferry.core.script.ScriptSplitter;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB/MySQL script rules, as the mysql client applies them: backquoted identifiers, backslash
 * escapes in strings, {@code #} comments, the {@code DELIMITER} directive, and BEGIN...END bodies of
 * routines, triggers and events, which also split correctly without DELIMITER.
 */
final class MysqlScriptSplitter extends ScriptSplitter {
    private static final Set<String> COMPOUND_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT");

    @Override
    protected int skipQuoted(String s, int i) {
        char c = s.charAt(i);
        if (c == '`') {
            return closeQuote(s, i, '`', false);
        }
        if (c == '\'' || c == '"') {
            return closeQuote(s, i, c, true);
        }
        return i;
    }

    @Override
    protected boolean lineCommentAt(String s, int i) {
        return s.charAt(i) == '#';
    }

    @Override
    protected int directive(String s, int i) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
        String line = s.substring(i, end).strip();
        if (!line.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
            return -1;
        }
        String value = line.substring("DELIMITER ".length()).strip();
        if (!value.isEmpty()) {
            delimiter = value;
        }
        return end;
    }

    @Override
    protected int blockDelta(String word, String nextWord) {
        boolean routine = creates("PROCEDURE") || creates("FUNCTION") || creates("TRIGGER") || creates("EVENT");
        if (!routine || !delimiter.equals(";")) {
            return 0;
        }
        boolean afterEnd = !words.isEmpty() && words.get(words.size() - 1).equals("END");
        if (word.equals("BEGIN") || word.equals("CASE") && !afterEnd) {
            return 1;
        }
        if (word.equals("END")) {
            return COMPOUND_ENDS.contains(nextWord) ? 0 : -1;
        }
        return 0;
    }
}
