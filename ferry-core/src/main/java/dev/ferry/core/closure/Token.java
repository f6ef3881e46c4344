package dev.ferry.core.closure;

import dev.ferry.core.error.FerryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One token of a root condition. Internal. */
record Token(Kind kind, String text, boolean quoted, int position) {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE");

    enum Kind { IDENTIFIER, KEYWORD, NUMBER, STRING, OPERATOR, PUNCTUATION }

    /** Reports a lexical error at a position. */
    interface Errors {
        FerryException at(String what, int position);
    }

    static List<Token> scan(String s, Errors errors) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
                String word = s.substring(i, end);
                String upper = word.toUpperCase(java.util.Locale.ROOT);
                out.add(KEYWORDS.contains(upper) ? new Token(Kind.KEYWORD, upper, false, i)
                        : new Token(Kind.IDENTIFIER, word, false, i));
                i = end;
            } else if (Character.isDigit(c) || (c == '-' || c == '.') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int end = i + 1;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, end), false, i));
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = quoted(s, i, c, out, errors);
            } else {
                i = symbol(s, i, out, errors);
            }
        }
        return out;
    }

    private static int quoted(String s, int start, char quote, List<Token> out, Errors errors) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= s.length()) {
                throw errors.at("unterminated " + quote + "...", start);
            }
            char c = s.charAt(i);
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    text.append(quote);
                    i += 2;
                    continue;
                }
                break;
            }
            text.append(c);
            i++;
        }
        out.add(quote == '\'' ? new Token(Kind.STRING, text.toString(), true, start)
                : new Token(Kind.IDENTIFIER, text.toString(), true, start));
        return i + 1;
    }

    private static int symbol(String s, int i, List<Token> out, Errors errors) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")) {
            out.add(new Token(Kind.OPERATOR, two, false, i));
            return i + 2;
        }
        char c = s.charAt(i);
        if (c == '=' || c == '<' || c == '>') {
            out.add(new Token(Kind.OPERATOR, String.valueOf(c), false, i));
        } else if (c == '(' || c == ')' || c == ',') {
            out.add(new Token(Kind.PUNCTUATION, String.valueOf(c), false, i));
        } else {
            throw errors.at("'" + c + "' is not allowed", i);
        }
        return i + 1;
    }

    /** A numeric literal: Long where it fits, else BigInteger or BigDecimal. */
    static Object number(String text) {
        try {
            if (text.indexOf('.') < 0) {
                BigInteger i = new BigInteger(text);
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
