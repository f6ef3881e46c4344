package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names the app or plugin a table belongs to, from the modules of the archive's migration histories:
 * Django names tables {@code <app_label>_<model>}, so the longest app label that prefixes a table
 * name owns it. Used to say which plugin is not installed when its tables are missing. Internal.
 */
final class AppNames {
    private final List<String> modules;

    AppNames(List<Manifest.MigrationHistory> histories) {
        this.modules = histories.stream().filter(h -> h.tool().equals("django"))
                .flatMap(h -> h.latest().stream().map(Manifest.Applied::module))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** " (app <label>: is it installed and activated in the target?)", or "" when no app owns the table. */
    String hint(String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        return modules.stream().filter(m -> lower.startsWith(m.toLowerCase(Locale.ROOT) + "_")).findFirst()
                .map(m -> " (app " + m + ": is it installed and activated in the target?)").orElse("");
    }
}
