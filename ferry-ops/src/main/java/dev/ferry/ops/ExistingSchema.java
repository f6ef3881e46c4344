package dev.ferry.ops;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.translate.Translation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lays an archive's tables over the tables an app created in the target ({@code --schema existing}):
 * pairs tables and columns by name, judges every column's fit ({@link ColumnFit}), and builds the
 * translation that loads each archived column into its target column. Findings say what is missing
 * on either side and what will be converted; the blocking ones stop the restore before anything is
 * written. Migration-history tables are not loaded: the target keeps the history of its own
 * migrations. Internal.
 */
final class ExistingSchema {
    private final List<Finding> findings = new ArrayList<>();
    private final List<Translation.TableMapping> mappings = new ArrayList<>();
    private final AppNames apps;

    ExistingSchema(Schema archive, Map<QualifiedName, List<ColumnProfile>> profiles, Schema target, boolean sameEngine,
                   Set<QualifiedName> historyTables, AppNames apps) {
        this.apps = apps;
        Set<QualifiedName> paired = new HashSet<>();
        for (Table source : archive.tables()) {
            Optional<Table> t = find(target, source.name(), paired);
            if (t.isEmpty()) {
                findings.add(Finding.block("table " + source.name(), "missing in the target" + apps.hint(source.name().name())));
            } else if (historyTables.contains(source.name())) {
                paired.add(t.get().name());
                findings.add(Finding.note("table " + source.name(), "migration history: the target keeps its own rows"));
            } else {
                paired.add(t.get().name());
                pair(source, t.get(), profiles.getOrDefault(source.name(), List.of()), sameEngine);
            }
        }
        for (Table t : target.tables()) {
            if (!paired.contains(t.name())) {
                findings.add(Finding.note("table " + t.name(), "only in the target; left as it is"));
            }
        }
    }

    List<Finding> findings() {
        return findings;
    }

    List<Translation.TableMapping> mappings() {
        return mappings;
    }

    private void pair(Table source, Table target, List<ColumnProfile> profiles, boolean sameEngine) {
        List<Column> loaded = source.loadedColumns();
        List<Column> columns = new ArrayList<>();
        List<TypeKind> kinds = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Column c = loaded.get(i);
            ColumnProfile profile = profileOf(profiles, c.name());
            String object = "column " + source.name() + "." + c.name();
            Optional<Column> tc = TablePair.column(target, c.name()).filter(Column::isLoaded);
            if (tc.isEmpty()) {
                findings.add(profile != null && profile.allNull()
                        ? Finding.note(object, "missing in the target; every archived value is NULL")
                        : Finding.block(object, "missing in the target, which would lose its values" + apps.hint(source.name().name())));
                continue;
            }
            boolean identical = sameEngine && tc.get().type().nativeType().equals(c.type().nativeType());
            ColumnFit fit = identical ? ColumnFit.OK : ColumnFit.of(c.type(), profile, tc.get().type());
            if (fit.note() != null) {
                findings.add(new Finding(fit.blocking(), object, fit.note() + " (target: " + tc.get().type().nativeType() + ")"));
            }
            columns.add(tc.get());
            kinds.add(identical ? null : tc.get().type().kind());
            indexes.add(i);
        }
        extraTargetColumns(source, target, columns);
        Table restricted = new Table(target.name(), columns, target.primaryKey(), target.uniques(), target.foreignKeys(),
                target.indexes(), target.checks(), target.options(), target.comment(), target.estimatedRows());
        mappings.add(new Translation.TableMapping(source, restricted, kinds, indexes.stream().mapToInt(Integer::intValue).toArray()));
    }

    private void extraTargetColumns(Table source, Table target, List<Column> loaded) {
        for (Column c : target.columns()) {
            if (loaded.contains(c) || TablePair.column(source, c.name()).isPresent()) {
                continue;
            }
            boolean filled = c.nullable() || c.defaultExpression() != null || c.identity() != null || !c.isLoaded();
            String object = "column " + target.name() + "." + c.name();
            findings.add(filled ? Finding.note(object, "only in the target; new rows get its default")
                    : Finding.block(object, "only in the target, NOT NULL without a default: the archive has no values for it"));
        }
    }

    private static ColumnProfile profileOf(List<ColumnProfile> profiles, String column) {
        return profiles.stream().filter(p -> p.name().equals(column)).findFirst().orElse(null);
    }

    private static Optional<Table> find(Schema target, QualifiedName name, Set<QualifiedName> taken) {
        Optional<Table> exact = target.table(name);
        if (exact.isPresent()) {
            return exact;
        }
        List<Table> byName = target.tables().stream().filter(t -> !taken.contains(t.name()))
                .filter(t -> t.name().name().toLowerCase(Locale.ROOT).equals(name.name().toLowerCase(Locale.ROOT))).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }
}
