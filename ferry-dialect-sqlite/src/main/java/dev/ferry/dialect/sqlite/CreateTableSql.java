package dev.ferry.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough of SQLite's CREATE TABLE grammar to find what the PRAGMAs do not report: the
 * expressions of generated columns and of CHECK constraints. Splits the column/constraint list at
 * top-level commas, respecting quotes, brackets and parentheses.
 */
final class CreateTableSql {
    private final List<String> definitions;

    CreateTableSql(String sql) {
        this.definitions = split(body(sql == null ? "" : sql));
    }

    List<String> definitions() {
        return definitions;
    }

    /** The expression of generated column {@code column}, or null. */
    String generatedExpression(String column) {
        for (String def : definitions) {
            if (namesColumn(def, column)) {
                int as = indexOfWord(def, "AS");
                if (as >= 0) {
                    String rest = def.substring(as + 2).trim();
                    if (rest.startsWith("(")) {
                        return rest.substring(1, closing(rest, 0)).trim();
                    }
                }
            }
        }
        return null;
    }

    /** Every CHECK expression, table-level and column-level, in order. */
    List<String> checks() {
        List<String> out = new ArrayList<>();
        for (String def : definitions) {
            int from = 0;
            int at;
            while ((at = indexOfWord(def.substring(from), "CHECK")) >= 0) {
                int open = def.indexOf('(', from + at);
                if (open < 0) {
                    break;
                }
                int close = closing(def, open);
                out.add(def.substring(open + 1, close).trim());
                from = close + 1;
            }
        }
        return out;
    }

    /** The condition after the last top-level WHERE of a CREATE INDEX statement, or "(partial)" if none is found. */
    static String whereClause(String createIndexSql) {
        if (createIndexSql == null) {
            return "(partial)";
        }
        int at = -1;
        int from = 0;
        int found;
        while ((found = indexOfWord(createIndexSql.substring(from), "WHERE")) >= 0) {
            at = from + found;
            from = at + 5;
        }
        return at < 0 ? "(partial)" : createIndexSql.substring(at + 5).trim();
    }

    private static boolean namesColumn(String def, String column) {
        String d = def.trim();
        for (String form : new String[] {"\"" + column.replace("\"", "\"\"") + "\"", "`" + column + "`", "[" + column + "]", column}) {
            if (d.regionMatches(true, 0, form, 0, form.length())
                    && (d.length() == form.length() || !Character.isLetterOrDigit(d.charAt(form.length())) && d.charAt(form.length()) != '_')) {
                return true;
            }
        }
        return false;
    }

    private static String body(String sql) {
        int open = sql.indexOf('(');
        if (open < 0) {
            return "";
        }
        return sql.substring(open + 1, closing(sql, open));
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping quoted text. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int skipQuoted(String s, int start) {
        char close = s.charAt(start) == '[' ? ']' : s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            if (s.charAt(i) == close) {
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return s.length();
    }

    private static List<String> split(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(body, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (start < body.length()) {
            parts.add(body.substring(start).trim());
        }
        return parts;
    }

    /** Index of {@code word} as a whole word outside quotes, or -1. */
    private static int indexOfWord(String s, String word) {
        String upper = s.toUpperCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(s, i);
            } else if (upper.startsWith(word, i) && boundary(s, i - 1) && boundary(s, i + word.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !(Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
    }
}
