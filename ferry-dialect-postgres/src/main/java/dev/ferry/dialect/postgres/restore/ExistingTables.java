package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loading into tables the app created, inside the restore's transaction, without superuser: every
 * foreign key of or into the tables is dropped and, after the load, added back (which validates it
 * against the loaded rows, as pg_restore's constraints-after-data does); user triggers are disabled
 * and enabled again; each serial or identity sequence is then set past its column's largest value.
 * All of it is transactional DDL, so a rollback restores the tables exactly.
 */
final class ExistingTables {
    private static final String FOREIGN_KEYS = """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid = ANY (CAST(? AS regclass[])) OR c.confrelid = ANY (CAST(? AS regclass[])))
            ORDER BY 1, 2
            """;

    private static final String OWNED_SEQUENCES = """
            SELECT a.attname, s.oid::regclass::text
            FROM pg_class s
            JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE s.relkind = 'S' AND d.refobjid = CAST(? AS regclass) AND d.deptype IN ('a', 'i')
            """;

    private final PostgresRestoreTarget target;
    private final Connection connection;
    private final List<String[]> droppedKeys = new ArrayList<>();

    ExistingTables(PostgresRestoreTarget target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    void begin(List<Table> tables, boolean clean) throws SQLException {
        String names = regclassArray(tables);
        try (PreparedStatement ps = connection.prepareStatement(FOREIGN_KEYS)) {
            ps.setString(1, names);
            ps.setString(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    droppedKeys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] fk : droppedKeys) {
            target.run("Suspending foreign key " + fk[1] + " on " + fk[0], "ALTER TABLE " + fk[0] + " DROP CONSTRAINT "
                    + Sql.quote(fk[1]));
        }
        for (Table t : tables) {
            target.run("Suspending the triggers of " + t.name(), "ALTER TABLE " + Sql.qualified(t.name()) + " DISABLE TRIGGER USER");
        }
        if (clean && !tables.isEmpty()) {
            target.run("Deleting the rows of the tables to restore", "TRUNCATE " + String.join(", ",
                    tables.stream().map(t -> Sql.qualified(t.name())).toList()));
        }
    }

    void finish(List<Table> tables) throws SQLException {
        for (Table t : tables) {
            target.run("Enabling the triggers of " + t.name(), "ALTER TABLE " + Sql.qualified(t.name()) + " ENABLE TRIGGER USER");
        }
        for (String[] fk : droppedKeys) {
            target.run("Validating foreign key " + fk[1] + " on " + fk[0] + " against the restored rows",
                    "ALTER TABLE " + fk[0] + " ADD CONSTRAINT " + Sql.quote(fk[1]) + " " + fk[2]);
        }
        for (Table t : tables) {
            for (String[] owned : ownedSequences(t)) {
                positionSequence(t, owned[0], owned[1]);
            }
        }
    }

    /** (column, sequence) of every sequence a column of the table owns: serial and identity columns. */
    private List<String[]> ownedSequences(Table t) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(OWNED_SEQUENCES)) {
            ps.setString(1, Sql.qualified(t.name()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    /** Sets a column's sequence so the next value follows the largest loaded one (an empty table leaves it). */
    private void positionSequence(Table t, String column, String sequence) {
        target.run("Setting sequence " + sequence + " past the largest " + t.name() + "." + column,
                "SELECT setval('" + sequence.replace("'", "''") + "', m) FROM (SELECT max(" + Sql.quote(column)
                        + ")::bigint AS m FROM " + Sql.qualified(t.name()) + ") x WHERE m IS NOT NULL");
    }

    private static String regclassArray(List<Table> tables) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < tables.size(); i++) {
            String name = Sql.qualified(tables.get(i).name());
            sb.append(i == 0 ? "" : ",").append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
