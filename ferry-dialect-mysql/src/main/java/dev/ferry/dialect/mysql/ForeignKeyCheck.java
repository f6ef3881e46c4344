package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates foreign keys after a load with foreign_key_checks=0 (which lets cycles and
 * self-references load in any order, and adds no table copy the way ALTER TABLE ADD FOREIGN KEY
 * with checks on would). One anti-join per key, stopping at the first orphan, which the error names.
 * MATCH SIMPLE: a row with any NULL key column needs no parent.
 */
final class ForeignKeyCheck {
    private ForeignKeyCheck() {
    }

    static void verify(Connection connection, String database, Table table) throws SQLException {
        for (ForeignKey fk : table.foreignKeys()) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(orphanSql(database, table, fk))) {
                if (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= fk.columns().size(); i++) {
                        values.add(rs.getString(i));
                    }
                    throw new FerryException(ErrorCode.RESTORE_FAILED, "Foreign key " + fk.name() + " on table "
                            + table.name() + " is violated: the row with " + fk.columns() + " = " + values
                            + " has no match in " + fk.referencedTable() + " " + fk.referencedColumns() + ".");
                }
            }
        }
    }

    static String orphanSql(String database, Table table, ForeignKey fk) {
        String refDb = fk.referencedTable().schema() != null ? fk.referencedTable().schema() : database;
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder notNull = new StringBuilder();
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            String c = "c." + Sql.quote(fk.columns().get(i));
            select.append(i == 0 ? "" : ", ").append(c);
            notNull.append(" AND ").append(c).append(" IS NOT NULL");
            match.append(i == 0 ? "" : " AND ").append("p.").append(Sql.quote(fk.referencedColumns().get(i)))
                    .append(" = ").append(c);
        }
        return select + " FROM " + Sql.qualified(database, table.name().name()) + " c WHERE 1 = 1" + notNull
                + " AND NOT EXISTS (SELECT 1 FROM " + Sql.qualified(refDb, fk.referencedTable().name()) + " p WHERE "
                + match + ") LIMIT 1";
    }
}
