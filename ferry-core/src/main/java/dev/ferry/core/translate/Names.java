package dev.ferry.core.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hands out target names: the source name where the target accepts it, otherwise a shortened or
 * de-duplicated one, and records every change for the report. Names are compared without case,
 * since SQLite and MariaDB index names are case-insensitive. Shortened names keep a readable prefix
 * and end in six hex digits of a hash of the whole source name, so they are stable from run to run.
 */
final class Names {
    private final TargetRules rules;
    private final List<Change> changes;
    private final Map<String, Set<String>> used = new HashMap<>();

    Names(TargetRules rules, List<Change> changes) {
        this.rules = rules;
        this.changes = changes;
    }

    /**
     * A name for an object of {@code kind} owned by {@code table}, unique in the kind's scope.
     *
     * @param object how the report names the object, e.g. "index orders_idx on orders"
     */
    String allocate(NamedKind kind, String table, String wanted, String object) {
        String scope = kind == NamedKind.TABLE || rules.scopeOf(kind) == NamedKind.Scope.NAMESPACE ? "" : "table:" + table;
        return allocateIn(scope, table, wanted, object);
    }

    /** A column name: unique within its table, and only length is at stake. */
    String column(String table, String wanted) {
        return allocateIn("columns:" + table, table, wanted, "column " + table + "." + wanted);
    }

    private String allocateIn(String scope, String table, String wanted, String object) {
        Set<String> taken = used.computeIfAbsent(scope, k -> new HashSet<>());
        String name = fit(wanted);
        String why = name.equals(wanted) ? null : "longer than " + rules.engine() + " allows";
        if (taken.contains(key(name))) {
            String prefixed = fit(table + "_" + wanted);
            name = taken.contains(key(prefixed)) ? fit(wanted + "_" + hash(table + "." + wanted)) : prefixed;
            why = "name already used by another object in " + rules.engine() + "'s "
                    + (scope.isEmpty() ? "schema" : "table");
        }
        taken.add(key(name));
        if (why != null) {
            changes.add(new Change(Change.Kind.RENAMED, object, "renamed to " + name + " (" + why + ")"));
        }
        return name;
    }

    private String fit(String name) {
        if (rules.fitsIdentifier(name)) {
            return name;
        }
        String suffix = "_" + hash(name);
        int end = name.length();
        while (end > 0 && !rules.fitsIdentifier(name.substring(0, end) + suffix)) {
            end = Character.isLowSurrogate(name.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
        }
        return name.substring(0, end) + suffix;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "%02x%02x%02x", d[0], d[1], d[2]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
