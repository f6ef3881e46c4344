package dev.ferry.migrate.run;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.spi.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A hash of a database's schema shape, recorded after each migration so {@code status} can tell,
 * cheaply, whether the live schema is still what the migrations produced. It covers tables, columns
 * (type, nullability, default, generation), keys, foreign keys, indexes, checks, views, enums and
 * native objects, and leaves out what changes with data (row estimates, sequence positions), column
 * order (a column re-added by a repair lands last) and Ferry's own migration tables.
 */
public final class SchemaFingerprint {
    private SchemaFingerprint() {
    }

    public static String of(Dialect dialect, Connection c) throws SQLException {
        return hash(dialect.introspect(c, List.of()));
    }

    static String hash(Schema schema) {
        List<String> lines = new ArrayList<>();
        for (Table t : schema.tables()) {
            if (!isFerryTable(t.name().name())) {
                describe(t, lines);
            }
        }
        schema.views().forEach(v -> lines.add("view " + v.name() + " " + v.definition()));
        schema.enums().forEach(e -> lines.add("enum " + e.name() + " " + e.labels()));
        schema.sequences().forEach(s -> lines.add("sequence " + s.name()));
        schema.nativeObjects().forEach(o -> lines.add(o.kind() + " " + o.name() + " " + o.definition()));
        lines.sort(null);
        return sha256(String.join("\n", lines));
    }

    /** Ferry's history and lock tables, which every migration changes. */
    public static boolean isFerryTable(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("ferry_migration_");
    }

    private static void describe(Table t, List<String> lines) {
        String p = "table " + t.name();
        lines.add(p);
        for (Column c : t.columns()) {
            lines.add(p + " column " + c.name() + " " + c.type().nativeType().toLowerCase(Locale.ROOT) + (c.nullable() ? " null" : " not null")
                    + " default " + c.defaultExpression() + " generated " + c.generatedExpression());
        }
        if (t.primaryKey() != null) {
            lines.add(p + " primary key " + t.primaryKey().columns());
        }
        for (UniqueConstraint u : t.uniques()) {
            lines.add(p + " unique " + u.name() + " " + u.columns());
        }
        for (ForeignKey fk : t.foreignKeys()) {
            lines.add(p + " foreign key " + fk.name() + " " + fk.columns() + " " + fk.referencedTable() + fk.referencedColumns()
                    + " " + fk.onDelete() + " " + fk.onUpdate());
        }
        for (Index ix : t.indexes()) {
            lines.add(p + " index " + ix.name() + " " + ix.unique() + " " + ix.parts() + " " + ix.predicate());
        }
        t.checks().forEach(ch -> lines.add(p + " check " + ch.name() + " " + ch.expression()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
