package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Reading through COPY TO STDOUT: escapes undone exactly, and a cursor closed early leaves the transaction usable. */
class CopyRowCursorIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void escapedTextComesBackExactlyAndAnEarlyCloseKeepsTheTransaction() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int PRIMARY KEY, txt text, bin bytea, arr text[])");
                s.execute("INSERT INTO t VALUES (1, E'tab\\there\\nnew\\\\back \\u00e9 \\U0001F600 \\\\N', '\\x00ff5c09', "
                        + "ARRAY[E'a\\tb', NULL, '\"q\"'])");
                s.execute("INSERT INTO t SELECT g, 'row ' || g, NULL, NULL FROM generate_series(2, 5000) g");
            }
            try (Connection c = DIALECT.connect(db.spec(), true)) {
                c.setAutoCommit(false);
                Table t = DIALECT.introspect(c, java.util.List.of()).tables().get(0);
                try (RowCursor rows = DIALECT.readRows(c, t)) {
                    Object[] first = rows.next();
                    assertThat(first[1]).isEqualTo("tab\there\nnew\\back \u00e9 \uD83D\uDE00 \\N");
                    assertThat((byte[]) first[2]).containsExactly(0, 0xff, 0x5c, 0x09);
                    assertThat(first[3].toString()).contains("a\tb").contains("\"q\"");
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the transaction goes on after an early close").isEqualTo(5000);
                }
                assertThat(DIALECT.hasRows(c, t)).isTrue();
                long n = 0;
                try (RowCursor rows = DIALECT.readRows(c, t)) {
                    while (rows.next() != null) {
                        n++;
                    }
                }
                assertThat(n).isEqualTo(5000);
            }
        }
    }
}
