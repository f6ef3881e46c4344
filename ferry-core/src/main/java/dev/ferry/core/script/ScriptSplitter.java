package dev.ferry.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements at a delimiter ({@code ;} by default) that is outside comments,
 * quoted text and compound-statement bodies. The shared lexing is here; an engine adds its quoting
 * ({@link #skipQuoted}), comments ({@link #lineCommentAt}), client directives ({@link #directive})
 * and block keywords ({@link #blockDelta}) by overriding a hook. One instance per script: it is stateful.
 */
public abstract class ScriptSplitter {
    /** The words of the current statement so far, upper-cased (for block rules that look at its head). */
    protected final List<String> words = new ArrayList<>();
    protected String delimiter = ";";
    private int depth;

    /** The statements of {@code script}; comment-only pieces are left out. */
    public final List<ScriptStatement> split(String script) {
        List<ScriptStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int i = 0;
        while (i < script.length()) {
            boolean started = current.length() > 0;
            int after = !started && atLineStart(script, i) ? directive(script, i) : -1;
            if (after >= 0) {
                line += count(script, i, after);
                i = after;
                continue;
            }
            int next = step(script, i);
            if (next < 0) {
                emit(out, current, startLine);
                i += delimiter.length();
                continue;
            }
            if (started || !isTrivia(script, i)) {
                if (!started) {
                    startLine = line;
                }
                current.append(script, i, next);
            }
            line += count(script, i, next);
            i = next;
        }
        emit(out, current, startLine);
        return out;
    }

    /** Whitespace or a comment: not part of a statement until the statement has begun. */
    private boolean isTrivia(String s, int i) {
        return Character.isWhitespace(s.charAt(i)) || s.startsWith("--", i) || s.startsWith("/*", i) || lineCommentAt(s, i);
    }

    /** Consumes one token at {@code i}, returning the index after it, or -1 if a statement ends here. */
    private int step(String s, int i) {
        if (depth == 0 && s.startsWith(delimiter, i)) {
            return -1;
        }
        char c = s.charAt(i);
        if (s.startsWith("--", i) || lineCommentAt(s, i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        int quoted = skipQuoted(s, i);
        if (quoted > i) {
            return quoted;
        }
        if (Character.isLetter(c) || c == '_') {
            int end = i;
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '$')
                    && !(depth == 0 && s.startsWith(delimiter, end))) {
                end++;
            }
            String word = s.substring(i, end).toUpperCase(Locale.ROOT);
            depth = Math.max(0, depth + blockDelta(word, nextWord(s, end)));
            words.add(word);
            return end;
        }
        return i + 1;
    }

    private void emit(List<ScriptStatement> out, StringBuilder current, int startLine) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new ScriptStatement(sql, startLine));
        }
        current.setLength(0);
        words.clear();
        depth = 0;
    }

    /**
     * If a quoted token (string, quoted identifier) starts at {@code i}, the index just after it;
     * otherwise {@code i}. Handles {@code '...'} and {@code "..."} with doubled quotes.
     */
    protected int skipQuoted(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            return closeQuote(s, i, c, false);
        }
        return i;
    }

    /** The index after the quote closing the one at {@code open}; doubled quotes (and, if asked, backslashes) escape. */
    protected static int closeQuote(String s, int open, char quote, boolean backslashEscapes) {
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j++;
            } else if (c == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j++;
                } else {
                    return j + 1;
                }
            }
        }
        return s.length();
    }

    /** Whether an engine-specific line comment (MariaDB's {@code #}) starts at {@code i}. */
    protected boolean lineCommentAt(String s, int i) {
        return false;
    }

    /**
     * A client directive on its own line at {@code i} between statements (MariaDB's {@code DELIMITER $$}):
     * handles it and returns the index after it, or -1 if there is none.
     */
    protected int directive(String s, int i) {
        return -1;
    }

    /**
     * How {@code word} changes the compound-statement depth (+1 opens a body, -1 closes one, 0 neither);
     * delimiters inside a body do not end the statement. {@link #words} holds the statement's words before it.
     */
    protected int blockDelta(String word, String nextWord) {
        return 0;
    }

    /** Whether the statement so far starts with CREATE and has {@code kind} (e.g. TRIGGER) among its first words. */
    protected boolean creates(String kind) {
        return !words.isEmpty() && words.get(0).equals("CREATE") && words.subList(0, Math.min(words.size(), 6)).contains(kind);
    }

    private static String nextWord(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(i, end).toUpperCase(Locale.ROOT);
    }

    private static boolean atLineStart(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r';
    }

    private static int count(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
