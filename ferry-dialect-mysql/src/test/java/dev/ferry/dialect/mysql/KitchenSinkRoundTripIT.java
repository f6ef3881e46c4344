package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KitchenSinkRoundTripIT {

    @Test
    void everyTypeAndStructureRoundTripsExactly() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            try (Connection setup = src.connect()) {
                KitchenSink.create(setup);
            }
            try (Connection source = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(source, List.of());
                Map<QualifiedName, ContentHash> expected = RoundTrip.hashes(source, schema);
                assertThat(expected.get(QualifiedName.of("big")).rows()).isEqualTo(KitchenSink.LARGE_ROWS);

                Map<QualifiedName, ContentHash> readBack = RoundTrip.restore(source, schema, dst.spec(), false);
                assertThat(readBack).isEqualTo(expected);

                try (Connection target = RoundTrip.DIALECT.connect(dst.spec(), true)) {
                    Schema restored = RoundTrip.DIALECT.introspect(target, List.of());
                    assertThat(RoundTrip.comparable(restored)).isEqualTo(RoundTrip.comparable(schema));
                    assertThat(restored.views()).isEqualTo(schema.views());
                    assertThat(restored.sequences()).isEqualTo(schema.sequences()).isNotEmpty();
                    assertThat(restored.nativeObjects()).isEqualTo(schema.nativeObjects());
                    assertThat(RoundTrip.hashes(target, restored)).isEqualTo(expected);
                }
                assertNextInsertDoesNotCollide(dst);
                assertThat(RoundTrip.leftoversFor(dst)).isEmpty();
            }
        }
    }

    private static void assertNextInsertDoesNotCollide(ScratchDatabase dst) throws Exception {
        try (Connection c = dst.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO gen (a, label) VALUES (7, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT NEXTVAL(seq_order)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(150);
            }
            try (ResultSet rs = s.executeQuery("SELECT id, label, b FROM gen WHERE a = 7")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1000);
                assertThat(rs.getString(2)).isEqualTo("trig");
                assertThat(rs.getInt(3)).isEqualTo(14);
            }
        }
    }

    @Test
    void valuesHaveTheirPortableTypes() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb()) {
            try (Connection setup = src.connect()) {
                KitchenSink.create(setup);
            }
            try (Connection c = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(c, List.of());
                List<Object[]> ints = rows(c, schema, "ints");
                assertThat(ints.get(0)[12]).isEqualTo(new java.math.BigInteger("18446744073709551615"));
                assertThat(ints.get(1)[12]).isEqualTo(new java.math.BigInteger("9223372036854775808"));
                assertThat(ints.get(1)[3]).isEqualTo(2L);
                assertThat(ints.get(0)[11]).isEqualTo(Long.MIN_VALUE);
                List<Object[]> nums = rows(c, schema, "nums");
                assertThat(nums.get(0)[4]).isEqualTo(Float.MAX_VALUE);
                assertThat(nums.get(0)[5]).isEqualTo(Double.MAX_VALUE);
                assertThat(nums.get(2)[4]).isEqualTo(Float.MIN_VALUE);
                assertThat(nums.get(2)[5]).isEqualTo(Double.MIN_VALUE);
                List<Object[]> times = rows(c, schema, "times");
                assertThat(times.get(0)[4]).isEqualTo(new dev.ferry.core.value.NativeValue("time", "-838:59:59.000000"));
                assertThat(times.get(1)[3]).isEqualTo(java.time.OffsetDateTime.parse("2038-01-19T03:14:07.999999Z"));
                assertThat(times.get(2)[1]).isEqualTo(new dev.ferry.core.value.NativeValue("date", "0000-00-00"));
                List<Object[]> bins = rows(c, schema, "bins");
                assertThat(bins.get(0)[6]).isEqualTo(new dev.ferry.core.value.BitString("1" + "0".repeat(62) + "1"));
                assertThat(bins.get(0)[5]).isEqualTo(new dev.ferry.core.value.BitString("1"));
                Table texts = schema.table(QualifiedName.of("texts")).orElseThrow();
                Column j = texts.column("j").orElseThrow();
                assertThat(j.type().kind()).isEqualTo(TypeKind.JSON);
                assertThat(texts.checks()).isEmpty();
                assertThat(rows(c, schema, "texts").get(0)[10]).isInstanceOf(dev.ferry.core.value.Json.class);
            }
        }
    }

    private static List<Object[]> rows(Connection c, Schema schema, String table) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (RowCursor cursor = RoundTrip.DIALECT.readRows(c, schema.table(QualifiedName.of(table)).orElseThrow())) {
            for (Object[] r = cursor.next(); r != null; r = cursor.next()) {
                out.add(r.clone());
            }
        }
        out.sort((x, y) -> Long.compare((Long) x[0], (Long) y[0]));
        return out;
    }
}
