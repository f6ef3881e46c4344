package dev.ferry.dialect.postgres.migrate;

import dev.ferry.core.script.ScriptSplitter;

/** PostgreSQL script rules: dollar quotes, E'' strings with backslash escapes, BEGIN ATOMIC bodies. */
final class PostgresScriptSplitter extends ScriptSplitter {

    @Override
    protected int skipQuoted(String s, int i) {
        char c = s.charAt(i);
        if ((c == 'E' || c == 'e') && i + 1 < s.length() && s.charAt(i + 1) == '\'' && !identifierBefore(s, i)) {
            return closeQuote(s, i + 1, '\'', true);
        }
        if (c == '$' && !identifierBefore(s, i)) {
            int tagEnd = s.indexOf('$', i + 1);
            if (tagEnd > 0 && isTag(s, i + 1, tagEnd)) {
                String tag = s.substring(i, tagEnd + 1);
                int close = s.indexOf(tag, tagEnd + 1);
                return close < 0 ? s.length() : close + tag.length();
            }
        }
        return super.skipQuoted(s, i);
    }

    @Override
    protected int blockDelta(String word, String nextWord) {
        if (word.equals("BEGIN") && nextWord.equals("ATOMIC")) {
            return 1;
        }
        boolean inAtomicBody = words.contains("ATOMIC");
        if (inAtomicBody && word.equals("CASE")) {
            return 1;
        }
        return inAtomicBody && word.equals("END") ? -1 : 0;
    }

    private static boolean isTag(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (!(Character.isLetterOrDigit(ch) || ch == '_') || (k == from && Character.isDigit(ch))) {
                return false;
            }
        }
        return true;
    }

    private static boolean identifierBefore(String s, int i) {
        return i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_');
    }
}
