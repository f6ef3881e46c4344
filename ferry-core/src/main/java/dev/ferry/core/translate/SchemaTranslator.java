package dev.ferry.core.translate;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.View;
import dev.ferry.core.profile.ColumnProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Translates a schema of one engine into the schema to create in another, engine-neutrally, with
 * the target's {@link TargetRules}: every table and column with a target type chosen from its
 * declared type and profile, keys, foreign keys, portable indexes, defaults that translate, generated
 * keys and sequences; names fitted to the target; and a {@link Change} for everything done
 * differently, including what cannot be carried (views, triggers, functions, engine-specific checks
 * and indexes). All tables land in the target's default schema.
 */
public final class SchemaTranslator {
    private final TargetRules rules;
    private final Function<Column, PortableDefault> defaults;
    private final Map<QualifiedName, List<ColumnProfile>> profiles;

    /**
     * @param defaults reads a source column's default (the source dialect's
     *                 {@link dev.ferry.core.spi.Dialect#portableDefault})
     * @param profiles column profiles per source table (missing tables or columns: unknown)
     */
    public SchemaTranslator(TargetRules rules, Function<Column, PortableDefault> defaults,
                            Map<QualifiedName, List<ColumnProfile>> profiles) {
        this.rules = rules;
        this.defaults = defaults;
        this.profiles = profiles;
    }

    public Translation translate(Schema source) {
        List<Change> changes = new ArrayList<>();
        Names names = new Names(rules, changes);
        Map<QualifiedName, String> tableNames = tableNames(source, names, changes);
        Map<String, EnumType> enums = new LinkedHashMap<>();
        List<Sequence> sequences = new ArrayList<>();
        TableTranslator tables = new TableTranslator(rules, defaults, names, tableNames, changes, enums, sequences);
        List<TableTranslator.Work> drafts = new ArrayList<>();
        for (Table t : source.tables()) {
            drafts.add(tables.columns(t, profileOf(t)));
        }
        List<Translation.TableMapping> mappings = new ArrayList<>();
        for (TableTranslator.Work draft : drafts) {
            mappings.add(tables.finish(draft));
        }
        sequences.addAll(standaloneSequences(source, names, changes));
        notCarried(source, changes);
        Schema target = new Schema(List.of(), List.copyOf(enums.values()), sequences,
                mappings.stream().map(Translation.TableMapping::target).toList(), List.of(), List.of());
        return new Translation(target, mappings, changes, true);
    }

    private Map<String, ColumnProfile> profileOf(Table t) {
        Map<String, ColumnProfile> byName = new HashMap<>();
        for (ColumnProfile p : profiles.getOrDefault(t.name(), List.of())) {
            byName.put(p.name(), p);
        }
        return byName;
    }

    private Map<QualifiedName, String> tableNames(Schema source, Names names, List<Change> changes) {
        Set<String> schemas = new TreeSet<>();
        Map<QualifiedName, String> out = new HashMap<>();
        for (Table t : source.tables()) {
            if (t.name().schema() != null) {
                schemas.add(t.name().schema());
            }
            out.put(t.name(), names.allocate(NamedKind.TABLE, t.name().name(), t.name().name(), "table " + t.name()));
        }
        if (!schemas.isEmpty()) {
            changes.add(new Change(Change.Kind.INFO, "schemas " + String.join(", ", schemas),
                    "tables placed in the target's default schema"));
        }
        return out;
    }

    /** Sequences not behind a generated key column, where the target has sequences. */
    private List<Sequence> standaloneSequences(Schema source, Names names, List<Change> changes) {
        List<Sequence> out = new ArrayList<>();
        for (Sequence s : source.sequences()) {
            if (s.ownedBy() != null && ownerHasIdentity(source, s)) {
                continue;
            }
            if (!rules.supportsSequences()) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, "sequence " + s.name(), rules.engine()
                        + " has no sequences (it stood at " + s.lastValue() + ")"));
                continue;
            }
            String name = names.allocate(NamedKind.SEQUENCE, s.name().name(), s.name().name(), "sequence " + s.name());
            out.add(new Sequence(QualifiedName.of(name), "bigint", s.start(), s.increment(), s.minValue(), s.maxValue(),
                    s.cycle(), s.lastValue(), s.called(), null));
        }
        return out;
    }

    private static boolean ownerHasIdentity(Schema source, Sequence s) {
        return source.table(s.ownedBy().table()).flatMap(t -> t.column(s.ownedBy().column()))
                .map(Column::identity).map(Identity::generation).isPresent();
    }

    private void notCarried(Schema source, List<Change> changes) {
        for (View v : source.views()) {
            changes.add(new Change(Change.Kind.NOT_CARRIED, (v.materialized() ? "materialized view " : "view ") + v.name(),
                    "its query is " + "engine-specific SQL; recreate it for " + rules.engine()));
        }
        for (NativeObject o : source.nativeObjects()) {
            changes.add(new Change(Change.Kind.NOT_CARRIED, o.kind() + " " + o.name(),
                    "engine-specific; recreate it for " + rules.engine() + " if the app needs it"));
        }
    }
}
