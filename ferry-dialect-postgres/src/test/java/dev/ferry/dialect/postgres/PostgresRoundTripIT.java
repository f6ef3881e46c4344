package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kitchen sink backed up and restored through the SPI into a fresh database, proven by content hashes. */
class PostgresRoundTripIT {
    private static final Dialect DIALECT = Dialects.forUrl(ScratchDatabase.PG_ADMIN_URL);

    private static ScratchDatabase source;
    private static ScratchDatabase target;
    private static Schema sourceSchema;
    private static Map<QualifiedName, ContentHash> sourceHashes;
    private static Map<QualifiedName, ContentHash> restoredHashes;

    @BeforeAll
    static void roundTrip() throws SQLException {
        source = ScratchDatabase.postgres();
        target = ScratchDatabase.postgres();
        try (Connection c = source.connect()) {
            SqlScript.runKitchenSink(c);
        }
        SpiRoundTrip trip = new SpiRoundTrip(DIALECT);
        try (Snapshot snapshot = DIALECT.openSnapshot(source.spec(), 1)) {
            Connection c = snapshot.connections().get(0);
            sourceSchema = DIALECT.introspect(c, List.of());
            sourceHashes = trip.hashes(c, sourceSchema);
            restoredHashes = trip.restore(c, sourceSchema, target.spec(), false);
        }
    }

    @AfterAll
    static void dropDatabases() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void dialectIsFoundByUrl() {
        assertThat(DIALECT).isInstanceOf(PostgresDialect.class);
        assertThat(DIALECT.id()).isEqualTo("postgresql");
    }

    @Test
    void everyTableRestoresWithTheSameContentHash() {
        assertThat(sourceHashes).hasSize(sourceSchema.tables().size());
        assertThat(restoredHashes).isEqualTo(sourceHashes);
        assertThat(sourceHashes.get(new QualifiedName("public", "big")).rows()).isEqualTo(200_000);
        assertThat(sourceHashes.get(new QualifiedName("public", "all_types")).rows()).isEqualTo(8);
        assertThat(sourceHashes.get(new QualifiedName("public", "empty_table")).rows()).isZero();
        assertThat(sourceHashes.get(new QualifiedName("public", "inherit_parent")).rows()).isEqualTo(1);
        assertThat(sourceHashes.get(new QualifiedName("app", "measurements")).rows()).isZero();
        assertThat(sourceHashes.get(new QualifiedName("app", "measurements 2023")).rows()
                + sourceHashes.get(new QualifiedName("app", "measurements_rest_all")).rows()).isEqualTo(400);
    }

    @Test
    void restoredSchemaEqualsTheSource() throws SQLException {
        try (Connection c = DIALECT.connect(target.spec(), true)) {
            Schema restored = DIALECT.introspect(c, List.of());
            assertThat(restored.namespaces()).isEqualTo(sourceSchema.namespaces());
            assertThat(SpiRoundTrip.comparable(restored)).isEqualTo(SpiRoundTrip.comparable(sourceSchema));
            assertThat(restored.enums()).isEqualTo(sourceSchema.enums());
            assertThat(restored.views()).isEqualTo(sourceSchema.views());
            assertThat(restored.nativeObjects()).isEqualTo(sourceSchema.nativeObjects());
            assertThat(restored.sequences()).extracting(Sequence::name)
                    .isEqualTo(sourceSchema.sequences().stream().map(Sequence::name).toList());
        }
    }

    @Test
    void introspectionSeesTypesKeysAndObjects() {
        Table all = sourceSchema.table(new QualifiedName("public", "all_types")).orElseThrow();
        assertThat(all.column("mood").orElseThrow().type().kind()).isEqualTo(TypeKind.ENUM);
        assertThat(all.column("mood").orElseThrow().type().nativeType()).isEqualTo("app.mood");
        assertThat(all.column("moods").orElseThrow().type().element().kind()).isEqualTo(TypeKind.ENUM);
        assertThat(all.column("n38").orElseThrow().type().precision()).isEqualTo(38);
        assertThat(all.column("ip").orElseThrow().type().kind()).isEqualTo(TypeKind.NATIVE);
        assertThat(all.column("ci").orElseThrow().type().kind()).isEqualTo(TypeKind.TEXT);
        assertThat(all.column("t_len").orElseThrow().isLoaded()).isFalse();
        assertThat(all.column("id").orElseThrow().identity().generation()).isEqualTo(Identity.Generation.SERIAL);
        Table prices = sourceSchema.table(new QualifiedName("app", "prices")).orElseThrow();
        assertThat(prices.column("price").orElseThrow().type().kind()).isEqualTo(TypeKind.DECIMAL);
        assertThat(prices.column("price").orElseThrow().type().nativeType()).isEqualTo("app.positive");
        assertThat(prices.column("m").orElseThrow().type().kind()).isEqualTo(TypeKind.ENUM);
        Table people = sourceSchema.table(new QualifiedName("app", "people")).orElseThrow();
        assertThat(people.column("id").orElseThrow().identity().generation()).isEqualTo(Identity.Generation.ALWAYS);
        assertThat(people.column("id").orElseThrow().identity().nextValue()).isEqualTo(10 + 50 * 3);
        assertThat(people.uniques()).hasSize(1);
        assertThat(people.checks()).hasSize(1);
        assertThat(people.indexes()).hasSize(2);
        assertThat(sourceSchema.views()).extracting(v -> v.name().toString())
                .containsExactly("public.v_people", "app.v_people_names", "public.mv_big_count");
        assertThat(sourceSchema.nativeObjects()).extracting(o -> o.kind() + " " + o.name()).containsExactly(
                "extension public.citext", "domain app.positive", "domain app.short_mood", "type app.money_pair",
                "function app.default_label()", "function app.expensive()", "function app.is_even(n integer)", "function app.keep()",
                "function app.touch()", "function public.adults()", "constraint public.empty_id_key",
                "constraint public.empty_note_key", "constraint public.loose_id_check", "constraint public.loose_ref_fk",
                "constraint public.zones_area_excl", "trigger app.measurements.measurements_before",
                "trigger app.measurements.measurements_keep", "trigger app.people.people_touch",
                "rule public.loose.loose_no_delete", "index public.mv_big_count_n_idx");
    }

    @Test
    void nextInsertsDoNotCollide() throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "INSERT INTO app.people (name) VALUES ('new') RETURNING id")).isEqualTo(160);
            assertThat(single(s, "INSERT INTO app.counters (hits) VALUES (0) RETURNING id")).isEqualTo(501);
            assertThat(single(s, "INSERT INTO public.all_types DEFAULT VALUES RETURNING id")).isEqualTo(9);
            assertThat(single(s, "INSERT INTO public.shipments (order_id, line_no) VALUES (2, 1) RETURNING id")).isEqualTo(4);
            assertThat(single(s, "SELECT nextval('public.ticket_seq')")).isEqualTo(110);
            assertThat(single(s, "SELECT nextval('app.unused_seq')")).isEqualTo(7);
            assertThat(single(s, "SELECT nextval('public.restarted_seq')")).isEqualTo(50);
            assertThat(single(s, "INSERT INTO app.measurements (at) VALUES ('2023-02-01') RETURNING id")).isEqualTo(401);
            assertThat(single(s, "SELECT count(*) FROM app.measurements")).isEqualTo(401);
        }
    }

    @Test
    void codeAndViewsWorkInTheRestoredDatabase() throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT public.adults()")).isEqualTo(33);
            assertThat(single(s, "SELECT count(*) FROM public.all_types WHERE array_lower(ia, 1) = 0 AND array_lower(m2, 1) = -1")).isEqualTo(1);
            assertThat(single(s, "SELECT count(*) FROM app.expensive()")).isEqualTo(1);
            assertThat(single(s, "INSERT INTO app.prices (id) VALUES (4) RETURNING length(label)")).isEqualTo(7);
            assertThat(single(s, "SELECT count(*) FROM app.v_people_names")).isEqualTo(40);
            assertThat(single(s, "SELECT n FROM public.mv_big_count")).isEqualTo(200_000);
            s.execute("UPDATE app.people SET age = age WHERE id = 10");
            assertThat(single(s, "SELECT count(*) FROM app.people WHERE updated IS NOT NULL")).isEqualTo(1);
        }
    }

    @Test
    void cleanRestoreReplacesAFullDatabase() throws SQLException {
        try (ScratchDatabase again = ScratchDatabase.postgres(); Snapshot snapshot = DIALECT.openSnapshot(source.spec(), 1)) {
            Connection c = snapshot.connections().get(0);
            SpiRoundTrip trip = new SpiRoundTrip(DIALECT);
            trip.restore(c, sourceSchema, again.spec(), false);
            try (Connection t = again.connect()) {
                SqlScript.exec(t, "CREATE TABLE public.stray (id int)", "INSERT INTO app.category VALUES (99, NULL, 'stray')");
            }
            assertThat(trip.restore(c, sourceSchema, again.spec(), true)).isEqualTo(sourceHashes);
            try (var restore = DIALECT.openRestore(again.spec())) {
                assertThat(restore.existingObjects()).doesNotContain("table public.stray");
            }
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
