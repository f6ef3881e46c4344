package dev.ferry.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A MariaDB schema with every common type at its extremes, and every structural case the brief lists. */
public final class KitchenSink {
    public static final int LARGE_ROWS = 200_000;

    private KitchenSink() {
    }

    static final List<String> DDL = List.of(
            "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'",
            "CREATE TABLE ints (id INT PRIMARY KEY, ti TINYINT, tiu TINYINT UNSIGNED, b1 TINYINT(1), bo BOOLEAN,"
                    + " si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED,"
                    + " bi BIGINT, biu BIGINT UNSIGNED, yr YEAR, zf INT(8) UNSIGNED ZEROFILL)",
            "INSERT INTO ints VALUES (1, -128, 255, -1, 1, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,"
                    + " -9223372036854775808, 18446744073709551615, 2155, 42),"
                    + " (2, 127, 0, 2, 0, 32767, 0, 8388607, 0, 2147483647, 0, 9223372036854775807, 9223372036854775808, 1901, 0),"
                    + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL)",
            "CREATE TABLE nums (id INT PRIMARY KEY, d DECIMAL(65,30), du DECIMAL(12,4) UNSIGNED, n NUMERIC(5,0), f FLOAT, dbl DOUBLE,"
                    + " f2 FLOAT(7,3))",
            "INSERT INTO nums VALUES (1, 99999999999999999999999999999999999.999999999999999999999999999999, 99999999.9999, 99999,"
                    + " 3.4028234663852886e38, 1.7976931348623157e308, 9999.999),"
                    + " (2, -99999999999999999999999999999999999.999999999999999999999999999999, 0, -99999,"
                    + " -1.1754943508222875e-38, -2.2250738585072014e-308, -9999.999),"
                    + " (3, 0.000000000000000000000000000001, 0.0001, 0, 1.401298464324817e-45, 4.9e-324, 0),"
                    + " (4, -0.000000000000000000000000000001, NULL, NULL, 0.1, 0.1, -0.0), (5, NULL, NULL, NULL, NULL, -0.0, NULL)",
            "CREATE TABLE texts (id INT PRIMARY KEY, c CHAR(10), vc VARCHAR(255), t TEXT, mt MEDIUMTEXT, lt LONGTEXT,"
                    + " lat VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci, bin_coll VARCHAR(10) COLLATE utf8mb4_bin,"
                    + " e ENUM('a','b''c','z') NOT NULL DEFAULT 'z', s SET('x','y','z'), j JSON, FULLTEXT KEY ft_t (t))",
            "INSERT INTO texts VALUES (1, 'abc', 'emoji \uD83D\uDE00\uD83C\uDF89 and \u00e9\u00e8', 'a''b\"c\\\\d', REPEAT('m', 70000),"
                    + " REPEAT('\uD83D\uDE00', 20000), 'caf\u00e9', 'CaSe', 'b''c', 'x,z', '{\"a\": [1, 2.50, \"\u00fc\"], \"b\": null}'),"
                    + " (2, '', '', '', '', '', '', '', 'a', '', '[]'),"
                    + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'z', NULL, NULL)",
            "CREATE TABLE bins (id INT PRIMARY KEY, bn BINARY(4), vb VARBINARY(300), bl BLOB, lb LONGBLOB, bit1 BIT(1), bit64 BIT(64), bit5 BIT(5))",
            "INSERT INTO bins (id, lb) VALUES (4, REPEAT(x'00ff', 6 * 1024 * 1024))",
            "CREATE TABLE times (id INT PRIMARY KEY, d DATE, dt DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, t TIME(6),"
                    + " t0 TIME, dt0 DATETIME, ts0 TIMESTAMP NULL DEFAULT NULL)",
            "INSERT INTO times VALUES (1, '1000-01-01', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000000',"
                    + " '-838:59:59.000000', '838:59:59', '1000-01-01 00:00:00', '1970-01-01 00:00:01'),"
                    + " (2, '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999', '23:59:59.999999',"
                    + " '00:00:00', '9999-12-31 23:59:59', '2038-01-19 03:14:07'),"
                    + " (3, '0000-00-00', '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00', '-00:00:00.000001', '-12:00:00',"
                    + " '2024-02-29 12:34:56', '2024-02-29 12:34:56'),"
                    + " (4, '2024-02-29', '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.5', '24:00:00', '12:00:00', NULL, NULL),"
                    + " (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
            "CREATE TABLE gen (id INT AUTO_INCREMENT PRIMARY KEY, a INT NOT NULL DEFAULT 5, b INT AS (a * 2) STORED,"
                    + " v INT AS (a + 1) VIRTUAL, created TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),"
                    + " label VARCHAR(20) DEFAULT 'it''s' COMMENT 'a \"comment\"', d DATE DEFAULT (CURRENT_DATE),"
                    + " CONSTRAINT a_non_negative CHECK (a >= 0), KEY idx_b (b)) COMMENT 'gen''s table' AUTO_INCREMENT = 1000",
            "INSERT INTO gen (id, a, created, label, d) VALUES (0, 1, '2020-01-01 00:00:00', 'zero', '2020-01-01'),"
                    + " (5, 2, '2020-01-02 00:00:00', NULL, NULL)",
            "CREATE TABLE a (id INT PRIMARY KEY, b_id INT)",
            "CREATE TABLE b (id INT PRIMARY KEY, a_id INT, CONSTRAINT b_to_a FOREIGN KEY (a_id) REFERENCES a (id))",
            "ALTER TABLE a ADD CONSTRAINT a_to_b FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL",
            "SET foreign_key_checks = 0",
            "INSERT INTO a VALUES (1, 10), (2, NULL)",
            "INSERT INTO b VALUES (10, 1), (20, 2)",
            "SET foreign_key_checks = 1",
            "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, manager_id INT,"
                    + " CONSTRAINT emp_manager FOREIGN KEY (manager_id) REFERENCES emp (id) ON DELETE SET NULL ON UPDATE CASCADE)",
            "INSERT INTO emp VALUES (1, 'boss', NULL), (2, 'mid', 1), (3, 'low', 2)",
            "CREATE TABLE parent_c (k1 INT, k2 VARCHAR(10), note VARCHAR(20), PRIMARY KEY (k1, k2))",
            "CREATE TABLE child_c (id INT PRIMARY KEY, k1 INT, k2 VARCHAR(10), CONSTRAINT child_parent FOREIGN KEY (k1, k2)"
                    + " REFERENCES parent_c (k1, k2) ON UPDATE CASCADE ON DELETE CASCADE)",
            "INSERT INTO parent_c VALUES (1, 'x', 'one'), (2, 'y', 'two')",
            "INSERT INTO child_c VALUES (1, 1, 'x'), (2, 2, 'y'), (3, NULL, 'nope')",
            "CREATE TABLE `Order` (`Select` INT PRIMARY KEY, `Key` VARCHAR(40) NOT NULL, `Group` INT, `we``ird` INT,"
                    + " UNIQUE KEY `uq_Key` (`Key`), KEY idx_group (`Group` DESC, `Select`), KEY idx_prefix (`Key`(5)))",
            "INSERT INTO `Order` VALUES (1, 'first', 1, 1), (2, 'second', 0, NULL)",
            "CREATE TABLE opts (id INT PRIMARY KEY, h INT INVISIBLE DEFAULT 3) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"
                    + " STATS_PERSISTENT=1 ENGINE=InnoDB",
            "INSERT INTO opts (id, h) VALUES (1, 4), (2, DEFAULT)",
            "CREATE TABLE empty_t (id INT PRIMARY KEY, x VARCHAR(5))",
            "CREATE TABLE geo (id INT PRIMARY KEY, g GEOMETRY NOT NULL, p POINT, SPATIAL KEY sp_g (g))",
            "INSERT INTO geo VALUES (1, ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'), ST_GeomFromText('POINT(1.5 -2)', 4326))",
            "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(30), n BIGINT)",
            "INSERT INTO big SELECT seq, CONCAT('row-', seq), seq * 1000003 FROM seq_1_to_" + LARGE_ROWS,
            "CREATE VIEW v_order AS SELECT `Select`, `Key` FROM `Order` WHERE `Group` > 0",
            "CREATE VIEW v_order2 AS SELECT `Key` FROM v_order",
            "CREATE SEQUENCE seq_order START WITH 100 INCREMENT BY 5 MINVALUE 1 MAXVALUE 1000000 CACHE 10 CYCLE",
            "SELECT NEXTVAL(seq_order)",
            "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
            "CREATE TRIGGER gen_label BEFORE INSERT ON gen FOR EACH ROW SET NEW.label = COALESCE(NEW.label, 'trig')");

    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : DDL) {
                s.execute(sql);
            }
        }
        insertBinaries(c);
    }

    private static void insertBinaries(Connection c) throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String[] bits = {"b'1', b'1000000000000000000000000000000000000000000000000000000000000001', b'10101'",
            "b'0', b'1111111111111111111111111111111111111111111111111111111111111111', b'00000'", "NULL, NULL, NULL"};
        byte[][][] bytes = {{{0, (byte) 0xff, 0x27, 0x5c}, all, all, all}, {{0, 0, 0, 0}, {}, {}, {}}, {null, null, null, null}};
        for (int r = 0; r < bits.length; r++) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bins VALUES (?, ?, ?, ?, ?, " + bits[r] + ")")) {
                ps.setInt(1, r + 1);
                for (int i = 0; i < 4; i++) {
                    ps.setBytes(i + 2, bytes[r][i]);
                }
                ps.executeUpdate();
            }
        }
    }
}
