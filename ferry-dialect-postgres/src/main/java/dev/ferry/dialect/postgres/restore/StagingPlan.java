package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.introspect.PartitionOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a schema can be built in a staging schema and moved into its target schema with
 * {@code ALTER ... SET SCHEMA}, and the same schema with every table, sequence and enum type moved
 * into the stage. The rule (docs/ARCHITECTURE.md): the tables, sequences and enum types live in one
 * schema, whose name has no single quote or backslash; the archive has no extension, domain, composite type or native constraint, and no
 * partitioned table; and no column type, default, generated column, check or index names the target
 * schema other than through an enum type or a sequence of the archive ({@link StagedNames}). Views,
 * functions and triggers are created at the publish, in the target, so they may name anything.
 * Otherwise {@link #refusal()} says why, and the restore runs as one transaction instead.
 */
final class StagingPlan {
    private static final Set<String> BUILT_BEFORE_TABLES = Set.of("extension", "domain", "type", "constraint");

    private final Schema original;
    private final String stage;
    private final StagedNames names;
    private final Set<QualifiedName> enums = new HashSet<>();
    private final Map<QualifiedName, Table> tables = new HashMap<>();
    private final Map<QualifiedName, Map<String, String>> rewrittenDefaults = new HashMap<>();
    private Schema staged;
    private String refusal;

    private StagingPlan(Schema schema, String namespace, String stage) {
        this.original = schema;
        this.stage = stage;
        this.names = new StagedNames(namespace, stage);
        schema.enums().forEach(e -> enums.add(e.name()));
        try {
            staged = stage(schema, namespace);
        } catch (Unstageable e) {
            refusal = e.getMessage();
        }
    }

    /** @param namespace the schema the objects go to (the tables' own, or the target's current schema) */
    static StagingPlan of(Schema schema, String namespace, String stage) {
        return new StagingPlan(schema, namespace, stage);
    }

    /** Why this schema must be restored in one transaction instead; null when it can be staged. */
    String refusal() {
        return refusal;
    }

    /** The schema as the archive has it, in the target schema. */
    Schema original() {
        return original;
    }

    /** The schema with its tables, sequences and enum types in the staging schema. */
    Schema staged() {
        return staged;
    }

    /**
     * Per original table, the defaults staging rewrote, as the archive spells them: after the move
     * into the target they must read back exactly so ({@link PublishedDefaults}).
     */
    Map<QualifiedName, Map<String, String>> rewrittenDefaults() {
        return rewrittenDefaults;
    }

    /** The staged copy of a table of the original schema. */
    Table staged(Table original) {
        Table t = tables.get(original.name());
        if (t == null) {
            throw new IllegalArgumentException("not a table of the restored schema: " + original.name());
        }
        return t;
    }

    private Schema stage(Schema schema, String namespace) {
        if (namespace.indexOf('\'') >= 0 || namespace.indexOf('\\') >= 0) {
            throw new Unstageable("the schema name " + namespace + " has a quote or backslash, which string literals "
                    + "in its defaults would spell differently");
        }
        Set<String> spaces = new HashSet<>(schema.namespaces());
        schema.tables().forEach(t -> spaces.add(Objects.requireNonNullElse(t.name().schema(), namespace)));
        schema.sequences().forEach(s -> spaces.add(Objects.requireNonNullElse(s.name().schema(), namespace)));
        schema.enums().forEach(e -> spaces.add(Objects.requireNonNullElse(e.name().schema(), namespace)));
        if (spaces.size() > 1) {
            throw new Unstageable("its objects live in " + spaces.size() + " schemas " + new java.util.TreeSet<>(spaces));
        }
        for (NativeObject o : schema.nativeObjects()) {
            if (BUILT_BEFORE_TABLES.contains(o.kind())) {
                throw new Unstageable("it has " + o.kind() + " " + o.name() + ", which the tables may need before they exist");
            }
        }
        List<Table> moved = schema.tables().stream().map(this::table).toList();
        List<EnumType> movedEnums = schema.enums().stream().map(e -> new EnumType(move(e.name()), e.labels())).toList();
        List<Sequence> movedSequences = schema.sequences().stream().map(s -> new Sequence(move(s.name()), s.dataType(), s.start(),
                s.increment(), s.minValue(), s.maxValue(), s.cycle(), s.lastValue(), s.called(),
                s.ownedBy() == null ? null : new Sequence.ColumnRef(move(s.ownedBy().table()), s.ownedBy().column()))).toList();
        return new Schema(List.of(stage), movedEnums, movedSequences, moved, List.of(), List.of());
    }

    private Table table(Table t) {
        if (t.options().containsKey(PartitionOptions.PARTITION_OF) || t.options().containsKey(PartitionOptions.PARTITION_BY)) {
            throw new Unstageable("table " + t.name() + " is partitioned");
        }
        String where = "table " + t.name();
        List<Column> columns = t.columns().stream().map(c -> column(t, c)).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                move(fk.referencedTable()), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                fk.initiallyDeferred())).toList();
        List<Index> indexes = t.indexes().stream().map(i -> new Index(i.name(), i.unique(),
                i.parts().stream().map(p -> p.expression() ? new Index.Part(text(p.column(), "index " + i.name()), true,
                        p.descending()) : p).toList(),
                i.method(), text(i.predicate(), "index " + i.name()), text(i.definition(), "index " + i.name()))).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(c -> new CheckConstraint(c.name(), text(c.expression(), "check " + c.name() + " of " + where))).toList();
        Table out = new Table(move(t.name()), columns, t.primaryKey(), t.uniques(), fks, indexes, checks, t.options(),
                t.comment(), t.estimatedRows());
        tables.put(t.name(), out);
        return out;
    }

    private Column column(Table t, Column c) {
        String where = "column " + c.name() + " of " + t.name();
        if (names.mentions(c.collation())) {
            throw new Unstageable(where + " uses collation " + c.collation());
        }
        Identity id = c.identity();
        Identity movedId = id == null || id.sequence() == null ? id
                : new Identity(id.generation(), move(id.sequence()), id.start(), id.increment(), id.nextValue());
        String staged = text(c.defaultExpression(), where);
        if (staged != null && !staged.equals(c.defaultExpression())) {
            rewrittenDefaults.computeIfAbsent(t.name(), k -> new HashMap<>()).put(c.name(), c.defaultExpression());
        }
        return new Column(c.name(), type(c.type(), where), c.nullable(), staged,
                movedId, text(c.generatedExpression(), where), c.generatedStored(), c.collation(), c.comment());
    }

    private DataType type(DataType type, String where) {
        if (type == null) {
            return null;
        }
        DataType element = type(type.element(), where);
        String nativeType = type.nativeType();
        if (names.mentions(nativeType)) {
            QualifiedName e = type.enumType() != null ? type.enumType() : element != null ? type.element().enumType() : null;
            if (e == null || !enums.contains(e)) {
                throw new Unstageable(where + " has type " + nativeType + ", which is not an enum of the archive");
            }
            nativeType = names.rewriteType(nativeType);
        }
        return new DataType(type.kind(), nativeType, type.length(), type.precision(), type.scale(), type.unsigned(),
                element, type.enumType() == null ? null : move(type.enumType()), type.labels());
    }

    private String text(String text, String where) {
        String out = names.rewrite(text);
        if (text != null && out == null) {
            throw new Unstageable(where + " names its schema in " + text);
        }
        return out;
    }

    private QualifiedName move(QualifiedName name) {
        return new QualifiedName(stage, name.name());
    }

    /** Unwinds the planning with the reason staging cannot build this schema. */
    private static final class Unstageable extends RuntimeException {
        Unstageable(String reason) {
            super(reason, null, false, false);
        }
    }
}
