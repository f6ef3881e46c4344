package dev.ferry.dialect.mysql;

import dev.ferry.core.translate.DefaultParsing;
import dev.ferry.core.translate.PortableDefault;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MariaDB/MySQL default (as {@link DefaultValues} normalised it) in engine-neutral terms:
 * quoted literals with their backslash escapes, numbers, and the current-time functions in any of
 * their spellings ({@code current_timestamp(6)}, {@code curdate()}).
 */
final class MysqlDefaults {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");
    private static final Pattern NOW = Pattern.compile("(?i)(current_timestamp|now|localtimestamp)(\\(\\d*\\))?");
    private static final Pattern TODAY = Pattern.compile("(?i)(curdate|current_date)(\\(\\))?");
    private static final Pattern TIME = Pattern.compile("(?i)(curtime|current_time)(\\(\\d*\\))?");

    private MysqlDefaults() {
    }

    static PortableDefault read(String expression) {
        if (expression == null || expression.isBlank()) {
            return PortableDefault.NONE;
        }
        String e = DefaultParsing.stripParentheses(expression.trim());
        if (NOW.matcher(e).matches()) {
            return new PortableDefault.Now(PortableDefault.Clock.TIMESTAMP);
        } else if (TODAY.matcher(e).matches()) {
            return new PortableDefault.Now(PortableDefault.Clock.DATE);
        } else if (TIME.matcher(e).matches()) {
            return new PortableDefault.Now(PortableDefault.Clock.TIME);
        }
        Matcher m = QUOTED.matcher(e);
        if (m.matches()) {
            return new PortableDefault.Literal(unescape(m.group(1)));
        }
        if (e.toLowerCase(Locale.ROOT).startsWith("b'")) {
            return new PortableDefault.Unportable(expression);
        }
        return DefaultParsing.common(e);
    }

    private static String unescape(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'Z' -> (char) 26;
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
