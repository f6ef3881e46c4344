package dev.ferry.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.spi.ServerInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class OlderTargetTest {
    private static final Manifest.Source POSTGRES_17 = new Manifest.Source("postgresql", "PostgreSQL", "17.11", "app", List.of());

    @Test
    void versionsCompareByTheirLeadingNumbers() {
        assertThat(OlderTarget.isOlder("12.22", "17.11")).isTrue();
        assertThat(OlderTarget.isOlder("17.11", "12.22")).isFalse();
        assertThat(OlderTarget.isOlder("15.4", "15.19")).isTrue();
        assertThat(OlderTarget.isOlder("17.11", "17.11")).isFalse();
        assertThat(OlderTarget.isOlder("10.11.6-MariaDB-0+deb12u1", "11.4.5-MariaDB")).isTrue();
        assertThat(OlderTarget.isOlder("16", "16.1")).isTrue();
        assertThat(OlderTarget.isOlder("devel", "16.1")).isFalse();
        assertThat(OlderTarget.isOlder(null, "16.1")).isFalse();
    }

    @Test
    void anOlderTargetOfTheSameProductIsNamedWithTheVersionToUse() {
        assertThat(OlderTarget.hint(POSTGRES_17, new ServerInfo("postgresql", "PostgreSQL", "12.22", "t")))
                .isEqualTo(" The archive was made on PostgreSQL 17.11 and the target runs PostgreSQL 12.22, an older version"
                        + " that may lack syntax or value ranges the source used: restore into PostgreSQL 17.11 or later,"
                        + " or change those objects in the source first.");
    }

    @Test
    void noHintForANewerTargetAnotherProductOrAnUnknownServer() {
        assertThat(OlderTarget.hint(POSTGRES_17, new ServerInfo("postgresql", "PostgreSQL", "18.1", "t"))).isEmpty();
        assertThat(OlderTarget.hint(POSTGRES_17, new ServerInfo("mysql", "MariaDB", "10.11.6-MariaDB", "t"))).isEmpty();
        assertThat(OlderTarget.hint(POSTGRES_17, null)).isEmpty();
    }
}
