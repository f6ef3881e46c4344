package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Spot checks of a committed cross-engine target, read with plain SQL: values in their new
 * representation, and generated keys that continue where the source's stood.
 */
@FunctionalInterface
interface TargetChecks {
    void check(Connection c) throws SQLException;

    static TargetChecks of(Engine from, Engine to) {
        return switch (from + "->" + to) {
            case "POSTGRES->MARIADB" -> c -> {
                assertThat(one(c, "SELECT b FROM all_types WHERE i2 = -32768")).isEqualTo("1");
                assertThat(one(c, "SELECT JSON_VALUE(ta, '$[0]') FROM all_types WHERE i2 = -32768")).isEqualTo("a,b");
                assertThat(one(c, "SELECT count(*) FROM big")).isEqualTo("200000");
                exec(c, "INSERT INTO counters (hits) VALUES (9)");
                assertThat(one(c, "SELECT max(id) FROM counters")).isEqualTo("501");
            };
            case "POSTGRES->SQLITE" -> c -> {
                assertThat(one(c, "SELECT tstz FROM all_types WHERE i2 = 32767")).isEqualTo("1999-12-31 18:29:59.999999+00:00");
                exec(c, "INSERT INTO people (name) VALUES ('new')");
                assertThat(one(c, "SELECT max(id) FROM people")).isEqualTo("160");
            };
            case "MARIADB->POSTGRES" -> c -> {
                assertThat(one(c, "SELECT biu FROM ints WHERE id = 1")).isEqualTo("18446744073709551615");
                assertThat(one(c, "SELECT pg_typeof(e)::text FROM texts WHERE id = 1")).isEqualTo("texts_e");
                assertThat(one(c, "INSERT INTO gen (a) VALUES (7) RETURNING id")).isEqualTo("1000");
            };
            case "MARIADB->SQLITE" -> c -> {
                assertThat(one(c, "SELECT typeof(biu) || ':' || biu FROM ints WHERE id = 1")).isEqualTo("text:18446744073709551615");
                assertThat(one(c, "SELECT dt FROM times WHERE id = 4")).isEqualTo("2024-02-29 12:34:56.123456");
            };
            case "SQLITE->POSTGRES" -> c -> {
                assertThat(one(c, "SELECT data_type FROM information_schema.columns WHERE table_name = 'types' AND column_name = 'r'"))
                        .isEqualTo("double precision");
                assertThat(one(c, "SELECT count(*) FROM big")).isEqualTo("20000");
                exec(c, "INSERT INTO line (g, sel) VALUES (2, 'x')");
                assertThat(one(c, "SELECT max(id) FROM line")).isEqualTo("3");
            };
            case "SQLITE->MARIADB" -> c -> {
                assertThat(one(c, "SELECT r FROM types WHERE i = 'not a number'")).isEqualTo("Infinity");
                exec(c, "INSERT INTO line (g, sel) VALUES (2, 'x')");
                assertThat(one(c, "SELECT max(id) FROM line")).isEqualTo("3");
            };
            default -> throw new IllegalArgumentException(from + "->" + to);
        };
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
