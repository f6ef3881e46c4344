package dev.ferry.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aPasswordParameterIsRedactedAndTheRestOfTheMessageKept() {
        String message = "Target jdbc:postgresql://db/app?user=u&password=s3cret-pw is not empty: t. Use --clean.";
        assertThat(Redaction.redactUrl(message))
                .isEqualTo("Target jdbc:postgresql://db/app?user=u&password=*** is not empty: t. Use --clean.");
        assertThat(Redaction.redactUrl("'jdbc:mariadb://h/d?password=x1;user=u' failed"))
                .isEqualTo("'jdbc:mariadb://h/d?password=***;user=u' failed");
    }

    @Test
    void userInfoPasswordsAreRedacted() {
        assertThat(Redaction.redactUrl("cannot reach postgresql://app:hunter22@db:5432/x now"))
                .isEqualTo("cannot reach postgresql://app:***@db:5432/x now");
    }

    @Test
    void passwordsAreFoundInEveryForm() {
        assertThat(Redaction.passwordsIn("jdbc:postgresql://h/d?password=a%40b%2Fc&user=x"))
                .contains("a%40b%2Fc", "a@b/c");
        assertThat(Redaction.passwordsIn("jdbc:postgresql://u:p4ss@h/d")).contains("p4ss");
        ConnectionSpec spec = new ConnectionSpec("jdbc:postgresql://h/d?password=from-url", "u", "from-env");
        assertThat(spec.secrets()).contains("from-url", "from-env");
        assertThat(spec.toString()).doesNotContain("from-url");
    }

    @Test
    void literalSecretsAreRemovedWhereverTheyAppear() {
        assertThat(Redaction.redact("login as u with from-env failed", "from-env", null)).isEqualTo("login as u with *** failed");
        assertThat(Redaction.redact("a short pw is left to the patterns", "pw")).contains("pw");
    }
}
