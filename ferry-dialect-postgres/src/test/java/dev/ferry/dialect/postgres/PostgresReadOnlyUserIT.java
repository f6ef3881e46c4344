package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plain login role with SELECT only can take a parallel, consistent backup of everything it may read. */
class PostgresReadOnlyUserIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void readOnlyRoleBacksUpWithSharedSnapshots() throws SQLException {
        String role = "ferry_reader_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.runKitchenSink(c);
                SqlScript.exec(c, "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public, app TO " + role,
                        "GRANT SELECT ON ALL TABLES IN SCHEMA public, app TO " + role,
                        "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
            }
            try {
                ConnectionSpec asReader = new ConnectionSpec(db.spec().url(), role, null);
                try (Snapshot snapshot = DIALECT.openSnapshot(asReader, 3)) {
                    assertThat(snapshot.connections()).hasSize(3);
                    Schema schema = DIALECT.introspect(snapshot.connections().get(0), List.of());
                    assertThat(schema.tables()).hasSizeGreaterThan(15);
                    Map<QualifiedName, ContentHash> hashes = new SpiRoundTrip(DIALECT).hashes(snapshot.connections().get(2), schema);
                    assertThat(hashes.get(new QualifiedName("public", "big")).rows()).isEqualTo(200_000);
                }
            } finally {
                try (Connection c = db.connect()) {
                    SqlScript.exec(c, "DROP OWNED BY " + role, "DROP ROLE " + role);
                }
            }
        }
    }
}
