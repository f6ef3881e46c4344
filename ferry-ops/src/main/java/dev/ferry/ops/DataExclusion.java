package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --exclude-data}: tables whose schema is kept but whose rows are not read (sessions, caches).
 * The manifest lists them, so a restore knows the rows were left out on purpose. Internal.
 */
final class DataExclusion {
    private final List<String> globs;

    DataExclusion(List<String> globs) {
        this.globs = List.copyOf(globs);
    }

    /** The tables of {@code schema} to keep empty; warns of patterns matching nothing and of kept rows referencing them. */
    Set<QualifiedName> tables(Schema schema, List<String> warnings) {
        Set<QualifiedName> out = schema.tables().stream().map(Table::name).filter(new TableFilter(globs)::excludes)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String glob : globs) {
            if (schema.tables().stream().map(Table::name).noneMatch(new TableFilter(List.of(glob))::excludes)) {
                warnings.add("--exclude-data " + glob + " matches no table");
            }
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (out.contains(fk.referencedTable()) && !out.contains(t.name())) {
                    warnings.add("the rows of " + fk.referencedTable() + " are left out (--exclude-data) but " + t.name()
                            + " keeps its rows and references it (" + fk.name() + "); a restore fails if any row of "
                            + t.name() + " points at a missing one");
                }
            }
        }
        return out;
    }

    /** Tells, at restore, which tables were archived without their rows. */
    static void report(Manifest manifest, ProgressListener progress) {
        for (QualifiedName table : manifest.dataExcluded()) {
            progress.note("table " + table + " is restored empty: its rows were left out of the archive on purpose"
                    + " (--exclude-data)");
        }
    }
}
