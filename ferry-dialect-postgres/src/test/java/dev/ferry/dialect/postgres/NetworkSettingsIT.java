package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The network settings of a Ferry connection (NetworkFaultIT in ferry-cli found that a stalled link
 * hung Ferry for good, and that the server kept a failed restore's transaction while the link lived):
 * a read timeout and keep-alive on the client, keep-alive probes on the server; a URL's own
 * socketTimeout wins.
 */
class NetworkSettingsIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void timeoutsAndKeepAliveOnBothSidesAndTheUrlWins() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = DIALECT.connect(db.spec(), true)) {
                assertThat(show(c, "tcp_keepalives_idle")).isEqualTo("60");
                assertThat(show(c, "tcp_keepalives_count")).isEqualTo("6");
                assertThat(c.getNetworkTimeout()).as("the read timeout, ms").isEqualTo(3_600_000);
            }
            ConnectionSpec own = new ConnectionSpec(db.spec().url() + "?socketTimeout=7", db.spec().user(), null);
            try (Connection c = DIALECT.connect(own, true)) {
                assertThat(c.getNetworkTimeout()).isEqualTo(7_000);
            }
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
