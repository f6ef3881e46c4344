package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Interval;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import dev.ferry.ops.testing.ScratchDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What readRows returns for each PostgreSQL type: the exact portable value, not merely something that round-trips. */
class PostgresValuesIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void readsEveryTypeAsItsExactPortableValue() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.exec(c, "CREATE TYPE mood AS ENUM ('sad', 'ok')", """
                        CREATE TABLE v AS SELECT '-9223372036854775808'::bigint AS i8, 'NaN'::numeric AS nnan,
                          '12345678901234567890.123456789012345678901234567890'::numeric AS nbig, '-0'::float8 AS fz,
                          '-Infinity'::float4 AS finf, true AS b, E'\\U0001F600 \\t'::text AS t, 'ab'::char(4) AS ch,
                          '\\x00ff'::bytea AS bin, '0044-03-15 BC'::date AS dbc, 'infinity'::date AS dinf,
                          '24:00:00'::time AS tmax, '10:00:00.25-03:30'::timetz AS ttz,
                          '-infinity'::timestamp AS tsmin, '2024-02-29 23:59:59.000001+01'::timestamptz AS tstz,
                          '1 year -2 days 00:00:00.000003'::interval AS iv, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
                          '{"k": [1, 2]}'::json AS j, '{"b":1, "a":2}'::jsonb AS jb, '{{1,NULL},{3,4}}'::int[] AS m2,
                          '{"a,b",NULL}'::text[] AS ta, 'ok'::mood AS m, B'101'::varbit AS vb,
                          '10.0.0.1/8'::inet AS ip, '12.34'::money AS cash
                        """);
            }
            try (Connection c = DIALECT.connect(db.spec(), true)) {
                Schema schema = DIALECT.introspect(c, List.of());
                try (RowCursor rows = DIALECT.readRows(c, schema.tables().get(0))) {
                    Object[] r = rows.next();
                    assertThat(Arrays.asList(r)).containsExactly(Long.MIN_VALUE, Double.NaN,
                            new BigDecimal("12345678901234567890.123456789012345678901234567890"), -0.0d,
                            Float.NEGATIVE_INFINITY, true, "\uD83D\uDE00 \t", "ab  ", new byte[] {0, (byte) 0xff},
                            LocalDate.of(-43, 3, 15), LocalDate.MAX, LocalTime.MAX,
                            OffsetTime.of(10, 0, 0, 250_000_000, ZoneOffset.ofHoursMinutes(-3, -30)), LocalDateTime.MIN,
                            OffsetDateTime.of(2024, 2, 29, 22, 59, 59, 1000, ZoneOffset.UTC), new Interval(12, -2, 3),
                            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new Json("{\"k\": [1, 2]}"),
                            new Json("{\"a\": 2, \"b\": 1}"),
                            new ArrayValue(List.of(new ArrayValue(Arrays.asList(1L, null)), new ArrayValue(List.of(3L, 4L)))),
                            new ArrayValue(Arrays.asList("a,b", null)), "ok", new BitString("101"),
                            new NativeValue("inet", "10.0.0.1/8"), new NativeValue("money", "$12.34"));
                    assertThat(rows.next()).isNull();
                }
            }
        }
    }
}
