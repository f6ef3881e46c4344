package dev.ferry.cli;

import dev.ferry.core.spi.Redaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Removes the passwords of one command line from everything the CLI prints: the error line, a
 * --verbose stack trace (whose driver exceptions may quote a URL), usage errors (which echo
 * arguments) and driver log records. It knows the secrets literally: every password in the
 * arguments' URLs ({@link Redaction#passwordsIn}), the values of the variables named by
 * --password-env and --passphrase-env, and the content of --passphrase-file; URL patterns are
 * redacted as well.
 */
final class SecretScrubber {
    private final List<String> secrets;

    private SecretScrubber(Set<String> secrets) {
        this.secrets = Redaction.longestFirst(secrets);
    }

    static SecretScrubber of(List<String> args, UnaryOperator<String> environment) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            found.addAll(Redaction.passwordsIn(args.get(i)));
            for (String option : List.of("--password-env", "--passphrase-env")) {
                String variable = value(args, i, option);
                if (variable != null && environment.apply(variable) != null) {
                    found.add(environment.apply(variable));
                }
            }
            String file = value(args, i, "--passphrase-file");
            if (file != null) {
                found.add(firstLine(file));
            }
        }
        return new SecretScrubber(found);
    }

    /** The value of {@code option} at position i ({@code --opt VALUE} or {@code --opt=VALUE}), or null. */
    private static String value(List<String> args, int i, String option) {
        String arg = args.get(i);
        if (arg.startsWith(option + "=")) {
            return arg.substring(option.length() + 1);
        }
        return arg.equals(option) && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** A passphrase file's content as the CLI reads it (one trailing line break ignored); empty if unreadable. */
    private static String firstLine(String file) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = Redaction.redactUrl(text);
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
