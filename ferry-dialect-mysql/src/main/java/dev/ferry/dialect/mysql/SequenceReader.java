package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB sequences (10.3+), which are tables of TABLE_TYPE 'SEQUENCE' with one row holding their
 * state. {@link Sequence#lastValue()} is next_not_cached_value with called=false: the next value a
 * restored sequence hands out, never one the source may already have handed out. Also refuses
 * system-versioned tables, whose history Ferry cannot carry yet, rather than skipping them silently.
 */
final class SequenceReader {
    private static final String TYPES = "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('SEQUENCE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME";

    private SequenceReader() {
    }

    static List<Sequence> read(Connection connection, String database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TYPES)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).equals("SYSTEM VERSIONED")) {
                        throw new FerryException(ErrorCode.BACKUP_FAILED, "Table " + rs.getString(1)
                                + " is system-versioned; Ferry cannot carry its history yet. Back up a copy without "
                                + "system versioning, or exclude it.");
                    }
                    names.add(rs.getString(1));
                }
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            sequences.add(sequence(connection, database, name));
        }
        return sequences;
    }

    private static Sequence sequence(Connection connection, String database, String name) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT next_not_cached_value, minimum_value, maximum_value, start_value, "
                     + "increment, cycle_option FROM " + Sql.qualified(database, name))) {
            rs.next();
            return new Sequence(QualifiedName.of(name), "bigint", rs.getLong(4), rs.getLong(5), rs.getLong(2),
                    rs.getLong(3), rs.getLong(6) != 0, rs.getLong(1), false, null);
        }
    }
}
