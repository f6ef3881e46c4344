package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares the migration histories recorded in an archive with the target's, per tool and module:
 * a module the target never migrated, or migrated less far than the archive, blocks a restore into
 * its tables (run the app's migrations first); a target that is ahead is a note (data of an older
 * app version loads into a newer schema). Versions order where the tool's do: Django's numbered
 * migration names, Flyway's dotted versions; Liquibase and Alembic ids only compare equal or not. Internal.
 */
final class MigrationComparison {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private MigrationComparison() {
    }

    static List<Finding> compare(List<Manifest.MigrationHistory> archive, List<Manifest.MigrationHistory> target, AppNames apps) {
        List<Finding> out = new ArrayList<>();
        for (Manifest.MigrationHistory a : archive) {
            Optional<Manifest.MigrationHistory> t = target.stream().filter(h -> h.tool().equals(a.tool())).findFirst();
            if (t.isEmpty()) {
                out.add(Finding.block(a.tool() + " history", "the archive has one, the target none: run the app's "
                        + "migrations in the target first"));
                continue;
            }
            Map<String, String> targetVersions = t.get().latest().stream()
                    .collect(Collectors.toMap(Manifest.Applied::module, Manifest.Applied::version, (x, y) -> y));
            for (Manifest.Applied applied : a.latest()) {
                out.addAll(module(a.tool(), applied, targetVersions.get(applied.module()), apps));
                targetVersions.remove(applied.module());
            }
            targetVersions.forEach((module, version) -> out.add(Finding.note(a.tool() + " module " + module,
                    "only in the target (at " + version + ")")));
        }
        return out;
    }

    private static List<Finding> module(String tool, Manifest.Applied archived, String targetVersion, AppNames apps) {
        String object = tool + " module " + archived.module();
        if (targetVersion == null) {
            return List.of(Finding.block(object, "at " + archived.version() + " in the archive, never migrated in the target"
                    + apps.hint(archived.module() + "_")));
        }
        int order = order(tool, targetVersion, archived.version());
        if (order == 0) {
            return List.of();
        }
        if (order < 0) {
            return List.of(Finding.block(object, "the target is at " + targetVersion + ", behind the archive's "
                    + archived.version() + ": run the app's migrations in the target first"));
        }
        String how = order == Integer.MAX_VALUE ? "differs from" : "is ahead of";
        return List.of(Finding.note(object, "the target (" + targetVersion + ") " + how + " the archive ("
                + archived.version() + ")"));
    }

    /** Negative when {@code t} is before {@code a}, 0 when equal, positive after; MAX_VALUE when unordered and different. */
    static int order(String tool, String t, String a) {
        if (t.equals(a)) {
            return 0;
        }
        if (tool.equals("django")) {
            Matcher mt = LEADING_NUMBER.matcher(t);
            Matcher ma = LEADING_NUMBER.matcher(a);
            if (mt.find() && ma.find()) {
                int c = Long.compare(Long.parseLong(mt.group(1)), Long.parseLong(ma.group(1)));
                return c == 0 ? Integer.MAX_VALUE : c;
            }
        }
        if (tool.equals("flyway")) {
            return dotted(t, a);
        }
        return Integer.MAX_VALUE;
    }

    private static int dotted(String t, String a) {
        String[] pt = t.split("[._]");
        String[] pa = a.split("[._]");
        for (int i = 0; i < Math.max(pt.length, pa.length); i++) {
            long x = i < pt.length && pt[i].matches("\\d+") ? Long.parseLong(pt[i]) : 0;
            long y = i < pa.length && pa[i].matches("\\d+") ? Long.parseLong(pa[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return Integer.MAX_VALUE;
    }
}
