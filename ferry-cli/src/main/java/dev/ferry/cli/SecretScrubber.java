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
 * arguments' URLs ({@link Redaction#passwordsIn}) and the value of the variable named by
 * --password-env; URL patterns are redacted as well.
 */
final class SecretScrubber {
    private final List<String> secrets;

    private SecretScrubber(Set<String> secrets) {
        this.secrets = Redaction.longestFirst(secrets);
    }

    static SecretScrubber of(List<String> args, UnaryOperator<String> environment) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            found.addAll(Redaction.passwordsIn(arg));
            String variable = arg.startsWith("--password-env=") ? arg.substring("--password-env=".length())
                    : arg.equals("--password-env") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (variable != null && environment.apply(variable) != null) {
                found.add(environment.apply(variable));
            }
        }
        return new SecretScrubber(found);
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
