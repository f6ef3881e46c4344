package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Validates every foreign key of the data at once (rows were written with enforcement off). */
final class ForeignKeyCheck {
    private ForeignKeyCheck() {
    }

    static void requireNoViolations(Connection c) throws SQLException {
        requireNoViolations(c, ErrorCode.RESTORE_FAILED, "The archive's rows are inconsistent; restore from another backup.");
    }

    /** Throws {@code code} naming the first violating row, followed by {@code advice}. */
    static void requireNoViolations(Connection c, ErrorCode code, String advice) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                String table = rs.getString(1);
                long rowid = rs.getLong(2);
                String parent = rs.getString(3);
                int fk = rs.getInt(4);
                throw new FerryException(code, "Foreign key violation: row with rowid " + rowid
                        + " of table " + table + " references a row of " + parent + " that does not exist (foreign key "
                        + table + "_fk_" + fk + "). " + advice);
            }
        }
    }
}
