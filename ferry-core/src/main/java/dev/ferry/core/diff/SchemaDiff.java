package dev.ferry.core.diff;

import dev.ferry.core.diff.SchemaDifference.Kind;
import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compares two schemas of the same engine at the level of the portable model: tables, columns (native
 * type, nullability, default), primary keys, indexes, foreign keys, unique and check constraints, and
 * views. Engine-neutral and deterministic (sorted by table, then kind). Indexes and constraints are
 * matched by their content (columns, target, expression), not their names, so engine-generated names
 * do not count as differences; identifiers compare case-insensitively. A minimal comparison, made to
 * be extended (sequences, enums, native objects, cross-engine type equivalence).
 */
public final class SchemaDiff {
    private final Predicate<QualifiedName> ignored;

    /** @param ignored tables and views to leave out of the comparison (e.g. a tool's own history table) */
    public SchemaDiff(Predicate<QualifiedName> ignored) {
        this.ignored = ignored;
    }

    public List<SchemaDifference> compare(Schema expected, Schema actual) {
        List<SchemaDifference> out = new ArrayList<>();
        Map<String, Table> want = byName(expected.tables(), Table::name);
        Map<String, Table> have = byName(actual.tables(), Table::name);
        want.forEach((k, t) -> {
            if (!have.containsKey(k)) {
                out.add(new SchemaDifference(Kind.MISSING_TABLE, t.name(), null, null, null));
            } else {
                compareTables(t, have.get(k), out);
            }
        });
        have.forEach((k, t) -> {
            if (!want.containsKey(k)) {
                out.add(new SchemaDifference(Kind.EXTRA_TABLE, t.name(), null, null, null));
            }
        });
        compareViews(expected, actual, out);
        return out;
    }

    private void compareTables(Table want, Table have, List<SchemaDifference> out) {
        Map<String, Column> wantCols = byName(want.columns(), c -> QualifiedName.of(c.name()));
        Map<String, Column> haveCols = byName(have.columns(), c -> QualifiedName.of(c.name()));
        wantCols.forEach((k, c) -> {
            Column h = haveCols.get(k);
            if (h == null) {
                out.add(new SchemaDifference(Kind.MISSING_COLUMN, want.name(), c.name(), columnSpec(c), null));
            } else {
                compareColumns(want.name(), c, h, out);
            }
        });
        haveCols.forEach((k, c) -> {
            if (!wantCols.containsKey(k)) {
                out.add(new SchemaDifference(Kind.EXTRA_COLUMN, want.name(), c.name(), null, columnSpec(c)));
            }
        });
        comparePrimaryKeys(want, have, out);
        compareSets(want.name(), want.indexes(), have.indexes(), SchemaDiff::indexKey, Index::name, Kind.MISSING_INDEX,
                Kind.EXTRA_INDEX, out);
        compareSets(want.name(), want.foreignKeys(), have.foreignKeys(), SchemaDiff::foreignKeyKey, ForeignKey::name,
                Kind.MISSING_FOREIGN_KEY, Kind.EXTRA_FOREIGN_KEY, out);
        compareSets(want.name(), want.uniques(), have.uniques(), u -> lower(u.columns().toString()), UniqueConstraint::name,
                Kind.MISSING_UNIQUE, Kind.EXTRA_UNIQUE, out);
        compareSets(want.name(), want.checks(), have.checks(), c -> normal(c.expression()), CheckConstraint::name,
                Kind.MISSING_CHECK, Kind.EXTRA_CHECK, out);
    }

    private static void compareColumns(QualifiedName table, Column want, Column have, List<SchemaDifference> out) {
        if (!normal(want.type().nativeType()).equals(normal(have.type().nativeType()))) {
            out.add(new SchemaDifference(Kind.COLUMN_TYPE, table, want.name(), want.type().nativeType(), have.type().nativeType()));
        }
        if (want.nullable() != have.nullable()) {
            out.add(new SchemaDifference(Kind.COLUMN_NULLABILITY, table, want.name(), nullability(want), nullability(have)));
        }
        if (!Objects.equals(normalOrNull(want.defaultExpression()), normalOrNull(have.defaultExpression()))) {
            out.add(new SchemaDifference(Kind.COLUMN_DEFAULT, table, want.name(), want.defaultExpression(), have.defaultExpression()));
        }
    }

    private static void comparePrimaryKeys(Table want, Table have, List<SchemaDifference> out) {
        String w = want.primaryKey() == null ? null : lower(want.primaryKey().columns().toString());
        String h = have.primaryKey() == null ? null : lower(have.primaryKey().columns().toString());
        if (w != null && h == null) {
            out.add(new SchemaDifference(Kind.MISSING_PRIMARY_KEY, want.name(), null, w, null));
        } else if (!Objects.equals(w, h)) {
            out.add(new SchemaDifference(Kind.PRIMARY_KEY, want.name(), null, w, h));
        }
    }

    private static <T> void compareSets(QualifiedName table, List<T> want, List<T> have, Function<T, String> key,
                                        Function<T, String> name, Kind missing, Kind extra, List<SchemaDifference> out) {
        List<String> haveKeys = have.stream().map(key).toList();
        List<String> wantKeys = want.stream().map(key).toList();
        want.stream().filter(w -> !haveKeys.contains(key.apply(w)))
                .forEach(w -> out.add(new SchemaDifference(missing, table, name.apply(w), key.apply(w), null)));
        have.stream().filter(h -> !wantKeys.contains(key.apply(h)))
                .forEach(h -> out.add(new SchemaDifference(extra, table, name.apply(h), null, key.apply(h))));
    }

    private void compareViews(Schema expected, Schema actual, List<SchemaDifference> out) {
        Map<String, View> want = byName(expected.views(), View::name);
        Map<String, View> have = byName(actual.views(), View::name);
        want.forEach((k, v) -> {
            View h = have.get(k);
            if (h == null) {
                out.add(new SchemaDifference(Kind.MISSING_VIEW, v.name(), null, null, null));
            } else if (!normal(v.definition()).equals(normal(h.definition()))) {
                out.add(new SchemaDifference(Kind.VIEW_DEFINITION, v.name(), null, v.definition(), h.definition()));
            }
        });
        have.forEach((k, v) -> {
            if (!want.containsKey(k)) {
                out.add(new SchemaDifference(Kind.EXTRA_VIEW, v.name(), null, null, null));
            }
        });
    }

    private <T> Map<String, T> byName(List<T> items, Function<T, QualifiedName> name) {
        Map<String, T> out = new TreeMap<>();
        for (T item : items) {
            QualifiedName n = name.apply(item);
            if (!ignored.test(n)) {
                out.put(lower(n.toString()), item);
            }
        }
        return out;
    }

    private static String indexKey(Index ix) {
        return (ix.unique() ? "unique " : "") + lower(ix.parts().stream().map(p -> (p.expression() ? normal(p.column()) : p.column())
                + (p.descending() ? " desc" : "")).toList().toString()) + (ix.predicate() == null ? "" : " where " + normal(ix.predicate()));
    }

    private static String foreignKeyKey(ForeignKey fk) {
        return lower(fk.columns() + " -> " + fk.referencedTable().name() + fk.referencedColumns()) + " on delete " + fk.onDelete().sql();
    }

    private static String columnSpec(Column c) {
        return c.type().nativeType() + (c.nullable() ? "" : " NOT NULL") + (c.defaultExpression() == null ? "" : " DEFAULT "
                + c.defaultExpression());
    }

    private static String nullability(Column c) {
        return c.nullable() ? "NULL" : "NOT NULL";
    }

    private static String normalOrNull(String s) {
        return s == null ? null : normal(s);
    }

    /** Case and runs of whitespace do not count. */
    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
