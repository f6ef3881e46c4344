package dev.ferry.core.spi;

import java.util.regex.Pattern;

/** Removes secrets from URLs and messages before they are shown or logged. */
public final class Redaction {
    private static final Pattern PARAM = Pattern.compile("(?i)((?:password|pwd|passwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    private Redaction() {
    }

    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1***@");
    }

    /** Redacts URLs in a message and every literal occurrence of {@code secret} (if non-empty). */
    public static String redact(String message, String secret) {
        if (message == null) {
            return null;
        }
        String out = redactUrl(message);
        if (secret != null && !secret.isEmpty()) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
