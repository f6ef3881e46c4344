package dev.ferry.core.spi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets from URLs and messages before they are shown or logged. */
public final class Redaction {
    /** A password parameter's value ends at the next parameter, or at the end of the URL within a message. */
    private static final Pattern PARAM = Pattern.compile("(?i)((?:password|pwd|passwd|sslpassword)=)[^&;\\s'\"]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^@/\\s]*@");
    private static final Pattern PARAM_VALUE = Pattern.compile("(?i)(?:password|pwd|passwd|sslpassword)=([^&;\\s'\"]*)");
    private static final Pattern USER_INFO_VALUE = Pattern.compile("//[^/:@\\s]*:([^@\\s'\"]*)@");
    /** Shorter secrets are left to the URL patterns: replacing "ab" everywhere would garble a message. */
    private static final int SHORTEST_LITERAL = 4;

    private Redaction() {
    }

    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1***@");
    }

    /** Redacts URLs in a message and every literal occurrence of each secret (if at least four characters). */
    public static String redact(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String out = redactUrl(message);
        for (String secret : longestFirst(new LinkedHashSet<>(java.util.Arrays.asList(secrets == null ? new String[0] : secrets)))) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /**
     * The passwords written in a text (password parameters and user-info of URLs), each as written,
     * URL-decoded (as a driver sees it) and URL-encoded, so they can be removed wherever they show up.
     */
    public static Set<String> passwordsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (Pattern p : new Pattern[] {PARAM_VALUE, USER_INFO_VALUE}) {
            Matcher m = p.matcher(text == null ? "" : text);
            while (m.find()) {
                String raw = m.group(1);
                found.add(raw);
                found.add(URLEncoder.encode(raw, StandardCharsets.UTF_8));
                try {
                    found.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notEncoded) {
                    // a raw password with a lone '%': the raw form is all there is
                }
            }
        }
        return found;
    }

    /** Secrets worth replacing literally, longest first (so a secret containing another goes whole). */
    public static java.util.List<String> longestFirst(Set<String> secrets) {
        return secrets.stream().filter(s -> s != null && s.length() >= SHORTEST_LITERAL)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
