package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders pending migrations across modules. Within a module, versions run in order; a requirement
 * {@code core:3} of a migration means the first migration of core at version 3 or later must have run
 * before it. Among migrations free to run, the next is chosen by module (core first, then by name)
 * and version, so the order is the same on every machine. A cycle, a requirement no migration can
 * meet, or a new migration older than one already applied in its module is refused, every problem at once.
 */
public final class MigrationPlanner {
    private final List<Migration> all;
    private final Set<String> applied;

    /** @param applied ids ({@code core:3}) of the migrations applied in the database */
    public MigrationPlanner(List<Migration> all, Set<String> applied) {
        this.all = List.copyOf(all);
        this.applied = Set.copyOf(applied);
    }

    /** The pending migrations in the order to apply them. */
    public List<Migration> plan() {
        List<String> problems = new ArrayList<>();
        Map<Migration, List<Migration>> before = prerequisites(problems);
        refuseOutOfOrder(problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return order(before);
    }

    /** For every pending migration, the pending migrations that must run before it. */
    private Map<Migration, List<Migration>> prerequisites(List<String> problems) {
        Map<String, List<Migration>> byModule = all.stream().collect(Collectors.groupingBy(Migration::module,
                LinkedHashMap::new, Collectors.toList()));
        Map<Migration, List<Migration>> out = new LinkedHashMap<>();
        for (Migration m : pending()) {
            List<Migration> deps = new ArrayList<>();
            previousInModule(byModule.get(m.module()), m).filter(this::isPending).ifPresent(deps::add);
            for (Requirement r : m.requires()) {
                Optional<Migration> meeting = firstAtLeast(byModule.get(r.module()), r);
                if (meeting.isEmpty()) {
                    problems.add(unmet(m, r, byModule.get(r.module())));
                } else if (isPending(meeting.get())) {
                    deps.add(meeting.get());
                }
            }
            out.put(m, deps);
        }
        return out;
    }

    private static String unmet(Migration m, Requirement r, List<Migration> module) {
        if (module == null) {
            return m + " requires module " + r.module() + " at version " + r.minimum() + " or later, but the migration set"
                    + " has no module " + r.module() + "; add it (install the plugin) or remove the requirement";
        }
        return m + " requires " + r + " or later, but the latest migration of " + r.module() + " is V"
                + module.get(module.size() - 1).version() + "; update module " + r.module();
    }

    private void refuseOutOfOrder(List<String> problems) {
        for (Migration m : pending()) {
            all.stream().filter(a -> a.module().equals(m.module()) && applied.contains(a.id()) && a.version().compareTo(m.version()) > 0)
                    .max(Comparator.comparing(Migration::version))
                    .ifPresent(a -> problems.add(m + " is new, but " + m.module() + " is already at V" + a.version()
                            + "; give it a version above " + a.version() + " (migrations of a module run in version order)"));
        }
    }

    private List<Migration> order(Map<Migration, List<Migration>> before) {
        Map<Migration, Integer> waiting = new HashMap<>();
        Map<Migration, List<Migration>> unlocks = new HashMap<>();
        before.forEach((m, deps) -> {
            waiting.put(m, deps.size());
            deps.forEach(d -> unlocks.computeIfAbsent(d, k -> new ArrayList<>()).add(m));
        });
        PriorityQueue<Migration> ready = new PriorityQueue<>(ORDER);
        waiting.forEach((m, n) -> {
            if (n == 0) {
                ready.add(m);
            }
        });
        List<Migration> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            Migration next = ready.poll();
            out.add(next);
            for (Migration u : unlocks.getOrDefault(next, List.of())) {
                if (waiting.merge(u, -1, Integer::sum) == 0) {
                    ready.add(u);
                }
            }
        }
        if (out.size() < before.size()) {
            throw invalid(List.of("the requirements form a cycle: " + cycle(before, waiting)
                    + "; change a requirement so one of them can run first"));
        }
        return out;
    }

    /** One cycle among the migrations still waiting, written m1 -> m2 -> ... -> m1. */
    private static String cycle(Map<Migration, List<Migration>> before, Map<Migration, Integer> waiting) {
        Migration start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .min(ORDER).orElseThrow();
        List<Migration> path = new ArrayList<>();
        Migration cur = start;
        while (!path.contains(cur)) {
            path.add(cur);
            cur = before.get(cur).stream().filter(d -> waiting.get(d) > 0).min(ORDER).orElseThrow();
        }
        List<Migration> loop = path.subList(path.indexOf(cur), path.size());
        return loop.stream().map(m -> m.module() + " V" + m.version()).collect(Collectors.joining(" needs "))
                + " needs " + cur.module() + " V" + cur.version();
    }

    private static Optional<Migration> previousInModule(List<Migration> module, Migration m) {
        return module.stream().filter(o -> o.version().compareTo(m.version()) < 0).max(Comparator.comparing(Migration::version));
    }

    private static Optional<Migration> firstAtLeast(List<Migration> module, Requirement r) {
        if (module == null) {
            return Optional.empty();
        }
        return module.stream().filter(o -> o.version().compareTo(r.minimum()) >= 0).min(Comparator.comparing(Migration::version));
    }

    private List<Migration> pending() {
        return all.stream().filter(this::isPending).toList();
    }

    private boolean isPending(Migration m) {
        return !applied.contains(m.id());
    }

    private static FerryException invalid(List<String> problems) {
        return new FerryException(ErrorCode.INVALID_MIGRATIONS, "Cannot order the migrations: " + String.join("; ", problems));
    }

    /** Core first, then modules by name; within a module by version. */
    static final Comparator<Migration> ORDER = Comparator.comparing((Migration m) -> !m.module().equals("core"))
            .thenComparing(Migration::module).thenComparing(Migration::version);
}
