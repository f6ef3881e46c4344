package dev.ferry.core.translate;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Translates one table: columns first, then keys and indexes over the columns that made it. */
final class TableTranslator {
    private final TargetRules rules;
    private final Function<Column, PortableDefault> defaults;
    private final Names names;
    private final Map<QualifiedName, String> tableNames;
    private final List<Change> changes;
    private final Map<String, EnumType> enums;
    private final List<Sequence> sequences;
    private final Map<QualifiedName, Map<String, String>> columnNames = new HashMap<>();

    TableTranslator(TargetRules rules, Function<Column, PortableDefault> defaults, Names names,
                    Map<QualifiedName, String> tableNames, List<Change> changes, Map<String, EnumType> enums,
                    List<Sequence> sequences) {
        this.rules = rules;
        this.defaults = defaults;
        this.names = names;
        this.tableNames = tableNames;
        this.changes = changes;
        this.enums = enums;
        this.sequences = sequences;
    }

    /** A table whose columns are translated, waiting for its keys (which need every table's columns). */
    final class Work {
        final Table source;
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<TypeKind> kinds = new ArrayList<>();
        final List<Integer> sourceIndexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, String> renamed = new HashMap<>();
        final Set<String> unindexable = new HashSet<>();

        Work(Table source) {
            this.source = source;
            this.name = tableNames.get(source.name());
        }

        String object(String column) {
            return source.name() + "." + column;
        }
    }

    Work columns(Table source, Map<String, ColumnProfile> profiles) {
        Work w = new Work(source);
        columnNames.put(source.name(), w.renamed);
        Set<String> keyParts = keyParts(source);
        Set<String> indexed = indexedColumns(source);
        List<Column> loaded = source.loadedColumns();
        for (Column c : source.columns()) {
            if (!c.isLoaded()) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, "column " + w.object(c.name()), "computed column ("
                        + c.generatedExpression() + ") is engine-specific; its values are not in the archive"));
                continue;
            }
            column(w, c, profiles.get(c.name()), keyParts.contains(c.name()), indexed.contains(c.name()));
            w.sourceIndexes.add(loaded.indexOf(c));
        }
        return w;
    }

    /** Adds keys, foreign keys and indexes; call once every table's columns are translated. */
    Translation.TableMapping finish(Work w) {
        Table target = new KeyTranslator(rules, names, tableNames, columnNames, changes).finish(w.source, w.name,
                w.columns, w.checks, w.unindexable);
        int[] sourceIndexes = w.sourceIndexes.stream().mapToInt(Integer::intValue).toArray();
        return new Translation.TableMapping(w.source, target, w.kinds, sourceIndexes);
    }

    private void column(Work w, Column c, ColumnProfile profile, boolean keyPart, boolean indexed) {
        EffectiveType.Result effective = EffectiveType.of(c.type(), profile);
        note(Change.Kind.REPRESENTATION, "column " + w.object(c.name()), effective.note());
        MappedType mapped = rules.mapType(new ColumnRequest(w.name, c, effective.type(), profile, keyPart, indexed));
        note(Change.Kind.REPRESENTATION, "column " + w.object(c.name()), mapped.note());
        String name = names.column(w.name, c.name());
        w.renamed.put(c.name(), name);
        if (!mapped.indexable()) {
            w.unindexable.add(c.name());
        }
        DataType type = namedEnum(w, name, mapped.type());
        Identity identity = identity(w, c, type, name);
        String defaultSql = identity == null ? defaultSql(w, c, type) : null;
        if (c.collation() != null) {
            note(Change.Kind.INFO, "column " + w.object(c.name()), "collation " + c.collation() + " not carried");
        }
        w.columns.add(new Column(name, type, c.nullable(), defaultSql, identity, null, false, null, c.comment()));
        w.kinds.add(type.kind());
        if (mapped.check() != null) {
            String check = names.allocate(NamedKind.CHECK, w.name, w.name + "_" + name + "_check", "check on " + w.object(c.name()));
            w.checks.add(new CheckConstraint(check, mapped.check()));
        }
    }

    /** An enum the target creates as a named type gets a name of its own in the target schema. */
    private DataType namedEnum(Work w, String column, DataType type) {
        if (type.kind() != TypeKind.ENUM || type.enumType() == null) {
            return type;
        }
        String name = names.allocate(NamedKind.ENUM_TYPE, w.name, w.name + "_" + column, "enum type of " + w.name + "." + column);
        enums.put(name, new EnumType(QualifiedName.of(name), type.labels()));
        return DataType.of(TypeKind.ENUM, rules.quote(name)).withEnum(QualifiedName.of(name), type.labels());
    }

    private Identity identity(Work w, Column c, DataType type, String name) {
        if (c.identity() == null) {
            return null;
        }
        boolean soleKey = w.source.primaryKey() != null && w.source.primaryKey().columns().equals(List.of(c.name()));
        Identity mapped = rules.identity(c.identity(), type, soleKey);
        if (mapped == null) {
            changes.add(new Change(Change.Kind.NOT_CARRIED, "generated key " + w.object(c.name()), "values are loaded, but "
                    + rules.engine() + " cannot generate new ones for this column"));
            return null;
        }
        if (mapped.generation() == Identity.Generation.ALWAYS || mapped.generation() == Identity.Generation.BY_DEFAULT) {
            QualifiedName seq = QualifiedName.of(names.allocate(NamedKind.SEQUENCE, w.name, w.name + "_" + name + "_seq",
                    "sequence of " + w.object(c.name())));
            sequences.add(IdentitySequences.forColumn(seq, mapped, type.kind(), w.name, name));
            return new Identity(mapped.generation(), seq, mapped.start(), mapped.increment(), mapped.nextValue());
        }
        return mapped;
    }

    private String defaultSql(Work w, Column c, DataType type) {
        PortableDefault d = defaults.apply(c);
        if (d instanceof PortableDefault.None) {
            return null;
        }
        String sql = null;
        if (d instanceof PortableDefault.Literal l) {
            Object value = convertedLiteral(type, l.value());
            sql = value == null ? null : rules.renderDefault(new PortableDefault.Literal(value), type);
        } else if (!(d instanceof PortableDefault.Unportable)) {
            sql = rules.renderDefault(d, type);
        }
        if (sql == null) {
            note(Change.Kind.NOT_CARRIED, "default of " + w.object(c.name()), c.defaultExpression() + " has no "
                    + rules.engine() + " equivalent for " + type.nativeType());
        }
        return sql;
    }

    private static Object convertedLiteral(DataType type, Object value) {
        try {
            Object converted = dev.ferry.core.convert.Conversions.convert(type.kind(), value);
            if (type.kind() == TypeKind.JSON && !dev.ferry.core.convert.JsonForms.isValid(
                    ((dev.ferry.core.value.Json) converted).text())) {
                return null;
            }
            return converted;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void note(Change.Kind kind, String object, String detail) {
        if (detail != null) {
            changes.add(new Change(kind, object, detail));
        }
    }

    private static Set<String> keyParts(Table t) {
        Set<String> out = new HashSet<>();
        if (t.primaryKey() != null) {
            out.addAll(t.primaryKey().columns());
        }
        t.uniques().forEach(u -> out.addAll(u.columns()));
        t.foreignKeys().forEach(fk -> out.addAll(fk.columns()));
        return out;
    }

    private static Set<String> indexedColumns(Table t) {
        Set<String> out = new HashSet<>();
        for (Index i : t.indexes()) {
            i.parts().stream().filter(p -> !p.expression()).forEach(p -> out.add(p.column()));
        }
        return out;
    }
}
