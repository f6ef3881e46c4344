package dev.ferry.core.spi;

import java.util.Objects;

/**
 * Where and as whom to connect: a JDBC URL and optional credentials (which may also be in the URL).
 * {@link #toString()} and {@link #redactedUrl()} never show a password.
 */
public record ConnectionSpec(String url, String user, String password) {
    public ConnectionSpec {
        Objects.requireNonNull(url, "url");
    }

    public static ConnectionSpec of(String url) {
        return new ConnectionSpec(url, null, null);
    }

    /** The URL with any password parameter or user-info password replaced by ***. */
    public String redactedUrl() {
        return Redaction.redactUrl(url);
    }

    /** Every form of every password this spec carries (the password and any in the URL), for redaction. */
    public String[] secrets() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(Redaction.passwordsIn(url));
        if (password != null) {
            all.add(password);
        }
        return all.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return redactedUrl() + (user == null ? "" : " as " + user);
    }
}
