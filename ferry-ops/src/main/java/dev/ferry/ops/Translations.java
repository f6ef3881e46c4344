package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.profile.ProfileBuilder;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.translate.Change;
import dev.ferry.core.translate.SchemaTranslator;
import dev.ferry.core.translate.TargetRules;
import dev.ferry.core.translate.Translation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Building the translation of a restore or transfer, and refusing it under --strict. Internal. */
final class Translations {
    private Translations() {
    }

    /** The translation of {@code schema} from {@code source}'s engine into a target with {@code rules}. */
    static Translation translate(Dialect source, TargetRules rules, Schema schema, Map<QualifiedName, List<ColumnProfile>> profiles) {
        return new SchemaTranslator(rules, source::portableDefault, profiles).translate(schema);
    }

    /**
     * Column profiles from the manifest; for an archive written before Ferry recorded them, from one
     * pass over its chunks (they are checked on the way).
     */
    static Map<QualifiedName, List<ColumnProfile>> profiles(ArchiveReader archive, Schema schema, ProgressListener progress) {
        Map<QualifiedName, List<ColumnProfile>> out = new HashMap<>();
        for (Manifest.TableEntry entry : archive.manifest().tables()) {
            if (entry.columns() != null) {
                out.put(entry.name(), entry.columns());
                continue;
            }
            Table table = schema.table(entry.name()).orElseThrow();
            progress.note("profiling table " + entry.name() + " (an archive of an older Ferry records no profiles)");
            ProfileBuilder builder = new ProfileBuilder(table.loadedColumns());
            try (ArchiveRows rows = new ArchiveRows(archive, entry, table.loadedColumns().size())) {
                Object[] row;
                while ((row = rows.next()) != null) {
                    builder.add(row);
                }
            }
            out.put(entry.name(), builder.build());
        }
        return out;
    }

    /** Under --strict, refuses a translation that stores any column's values in another representation. */
    static void refuseIfStrict(boolean strict, Translation translation, String target) {
        List<Change> changed = translation.changes(Change.Kind.REPRESENTATION);
        if (!strict || changed.isEmpty()) {
            return;
        }
        String list = changed.stream().limit(20).map(Change::toString).collect(Collectors.joining("; "))
                + (changed.size() > 20 ? "; and " + (changed.size() - 20) + " more" : "");
        throw new FerryException(ErrorCode.STRICT_REFUSED, "--strict: " + target + " cannot hold " + changed.size()
                + " column(s) in their own representation: " + list + ". Nothing was written. Run without --strict to"
                + " restore them in the representations listed (every value still exact and proven).");
    }
}
