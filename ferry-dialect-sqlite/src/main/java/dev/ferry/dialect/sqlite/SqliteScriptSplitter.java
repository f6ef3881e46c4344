package dev.ferry.dialect.sqlite;

import dev.ferry.core.script.ScriptSplitter;

/** SQLite script rules: {@code [..]} and backquoted identifiers, and BEGIN...END bodies of CREATE TRIGGER. */
final class SqliteScriptSplitter extends ScriptSplitter {

    @Override
    protected int skipQuoted(String s, int i) {
        char c = s.charAt(i);
        if (c == '`') {
            return closeQuote(s, i, '`', false);
        }
        if (c == '[') {
            int close = s.indexOf(']', i + 1);
            return close < 0 ? s.length() : close + 1;
        }
        return super.skipQuoted(s, i);
    }

    @Override
    protected int blockDelta(String word, String nextWord) {
        if (!creates("TRIGGER")) {
            return 0;
        }
        if (word.equals("BEGIN") || word.equals("CASE")) {
            return 1;
        }
        return word.equals("END") ? -1 : 0;
    }
}
