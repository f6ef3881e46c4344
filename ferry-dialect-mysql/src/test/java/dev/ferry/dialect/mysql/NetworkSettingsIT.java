package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * A Ferry connection has a read timeout (NetworkFaultIT in ferry-cli found that a stalled link hung
 * Ferry for good); a URL's own socketTimeout wins.
 */
class NetworkSettingsIT {

    @Test
    void aReadTimeoutByDefaultAndTheUrlWins() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.mariadb()) {
            try (Connection c = MysqlConnector.open(db.spec(), true)) {
                assertThat(c.getNetworkTimeout()).as("the read timeout, ms").isEqualTo(3_600_000);
            }
            ConnectionSpec own = new ConnectionSpec(db.spec().url() + "?socketTimeout=7000", db.spec().user(), null);
            try (Connection c = MysqlConnector.open(own, true)) {
                assertThat(c.getNetworkTimeout()).isEqualTo(7_000);
            }
        }
    }
}
