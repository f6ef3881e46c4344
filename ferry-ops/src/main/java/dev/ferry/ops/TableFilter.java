package dev.ferry.ops;

import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies {@code --exclude-table} patterns to a schema. A kept table's foreign key to an excluded
 * table cannot be restored, so it is dropped from the archived schema, with a warning naming it.
 */
final class TableFilter {
    private final List<Pattern> patterns;

    TableFilter(List<String> globs) {
        this.patterns = globs.stream().map(TableFilter::globToRegex).toList();
    }

    boolean excludes(QualifiedName name) {
        return patterns.stream().anyMatch(p -> p.matcher(name.name()).matches() || p.matcher(name.toString()).matches());
    }

    Schema apply(Schema schema, List<String> warnings) {
        if (patterns.isEmpty()) {
            return schema;
        }
        Set<QualifiedName> excluded = schema.tables().stream().map(Table::name).filter(this::excludes)
                .collect(Collectors.toSet());
        List<Table> kept = schema.tables().stream().filter(t -> !excluded.contains(t.name()))
                .map(t -> withoutForeignKeysTo(t, excluded, warnings)).toList();
        return new Schema(schema.namespaces(), schema.enums(), schema.sequences(), kept, schema.views(),
                schema.nativeObjects());
    }

    private static Table withoutForeignKeysTo(Table t, Set<QualifiedName> excluded, List<String> warnings) {
        List<ForeignKey> keep = t.foreignKeys().stream().filter(fk -> !excluded.contains(fk.referencedTable())).toList();
        if (keep.size() == t.foreignKeys().size()) {
            return t;
        }
        t.foreignKeys().stream().filter(fk -> excluded.contains(fk.referencedTable())).forEach(fk -> warnings.add(
                "foreign key " + fk.name() + " of " + t.name() + " references excluded table " + fk.referencedTable()
                        + " and is not in the archive"));
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), keep, t.indexes(), t.checks(), t.options(),
                t.comment(), t.estimatedRows());
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
