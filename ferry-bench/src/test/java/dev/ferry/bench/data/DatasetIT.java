package dev.ferry.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator builds the very same rows in PostgreSQL, MariaDB and SQLite (compared value by value). */
class DatasetIT {
    private static final long ROWS = Scale.TINY.totalRows();

    @Test
    void theThreeEnginesHoldTheSameRows() throws Exception {
        try (ScratchDatabase pg = ScratchDatabase.postgres(); ScratchDatabase maria = ScratchDatabase.mariadb();
             ScratchDatabase sqlite = ScratchDatabase.sqlite()) {
            Map<String, String> postgres = generateAndDigest(pg);
            assertThat(postgres).hasSize(Dataset.tables().size());
            assertThat(generateAndDigest(maria)).isEqualTo(postgres);
            assertThat(generateAndDigest(sqlite)).isEqualTo(postgres);
            assertForeignKeysIncludingTheTreeAndTheCycle(pg);
        }
    }

    private static void assertForeignKeysIncludingTheTreeAndTheCycle(ScratchDatabase pg) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            long references = Dataset.tables().stream().mapToLong(t -> t.references().size()).sum();
            assertThat(count(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")).isEqualTo(references);
            assertThat(count(s, "SELECT count(*) FROM category WHERE parent_id IS NULL")).isEqualTo(10);
            assertThat(count(s, "SELECT count(*) FROM supplier s JOIN contact c ON c.id = s.primary_contact_id "
                    + "WHERE c.supplier_id = s.id")).isEqualTo(count(s, "SELECT count(primary_contact_id) FROM supplier"));
            assertThat(count(s, "SELECT count(*) FROM customer WHERE name ~ '[^\\x01-\\x7e]'")).isPositive();
        }
    }

    private static Map<String, String> generateAndDigest(ScratchDatabase db) throws Exception {
        var spec = db.spec();
        new GenerateDataset(new GenerateDataset.Settings(spec.url(), spec.user(), spec.password(), ROWS, 1), System.err).run();
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(spec.url(), spec.user(), spec.password()); Statement s = c.createStatement()) {
            for (BenchTable table : Dataset.tables()) {
                digests.put(table.name(), digest(s, table));
            }
        }
        return digests;
    }

    /** SHA-256 over every value in primary-key order, each normalized by its dataset type. */
    private static String digest(Statement s, BenchTable table) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.primaryKey())) {
            while (rs.next()) {
                for (int i = 0; i < table.columns().size(); i++) {
                    sha.update((normalized(rs, i + 1, table.columns().get(i).type()) + "\t").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String normalized(ResultSet rs, int column, ColumnType type) throws SQLException {
        if (rs.getObject(column) == null) {
            return "NULL";
        }
        return switch (type) {
            case BIGINT, INT -> Long.toString(rs.getLong(column));
            case DECIMAL -> rs.getBigDecimal(column).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
            case BOOLEAN -> Boolean.toString(rs.getBoolean(column));
            case TIMESTAMP -> rs.getString(column).substring(0, 19);
            case BLOB -> HexFormat.of().formatHex(rs.getBytes(column));
            case VARCHAR, TEXT -> rs.getString(column);
        };
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
