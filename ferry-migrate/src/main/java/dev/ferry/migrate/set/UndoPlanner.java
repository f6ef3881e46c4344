package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses what an undo takes back, and in which order. {@code --to core:2} takes back every applied
 * migration of core above version 2; without a target, the last migration applied. Then, until
 * nothing changes, every applied migration whose requirement would no longer hold is added, with the
 * later versions of its module. The result runs in reverse order of application. Every migration in
 * it must have an undo script, or nothing is undone.
 */
public final class UndoPlanner {
    private final Map<String, Migration> byId;
    private final List<String> appliedInOrder;

    /** @param appliedInOrder ids of applied migrations, in the order they were applied */
    public UndoPlanner(List<Migration> all, List<String> appliedInOrder) {
        this.byId = all.stream().collect(Collectors.toMap(Migration::id, m -> m));
        this.appliedInOrder = List.copyOf(appliedInOrder);
    }

    /** @param target {@code module:version} to return to, or null for "the last migration" */
    public List<Migration> plan(String target) {
        Set<String> undo = new LinkedHashSet<>(initial(target));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : appliedInOrder) {
                if (!undo.contains(id) && mustGo(id, undo)) {
                    undo.add(id);
                    grew = true;
                }
            }
        }
        List<String> ordered = new ArrayList<>(appliedInOrder);
        ordered.retainAll(undo);
        java.util.Collections.reverse(ordered);
        List<Migration> out = ordered.stream().map(this::known).toList();
        List<String> noUndo = out.stream().filter(m -> m.undo() == null).map(m -> m.module() + "/U" + m.version() + "__*")
                .toList();
        if (!noUndo.isEmpty()) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "Cannot undo " + out.stream().map(Migration::id).toList()
                    + ": no undo script for " + noUndo + ". Nothing was undone. Add the undo scripts, or restore a backup.");
        }
        return out;
    }

    private List<String> initial(String target) {
        if (target == null) {
            return appliedInOrder.isEmpty() ? List.of() : List.of(appliedInOrder.get(appliedInOrder.size() - 1));
        }
        Requirement to = Requirement.parseList(target, "--to").get(0);
        if (appliedInOrder.stream().noneMatch(id -> id.startsWith(to.module() + ":"))
                && byId.values().stream().noneMatch(m -> m.module().equals(to.module()))) {
            throw new FerryException(ErrorCode.USAGE, "--to " + target + ": there is no module " + to.module());
        }
        return appliedInOrder.stream().filter(id -> id.startsWith(to.module() + ":")
                && Version.parse(id.substring(id.indexOf(':') + 1)).compareTo(to.minimum()) > 0).toList();
    }

    /** Whether applied migration {@code id} depends on something being undone. */
    private boolean mustGo(String id, Set<String> undo) {
        Migration m = known(id);
        Map<String, Optional<Version>> remaining = new HashMap<>();
        for (String other : appliedInOrder) {
            if (!undo.contains(other)) {
                Migration o = known(other);
                remaining.merge(o.module(), Optional.of(o.version()), (a, b) -> a.get().compareTo(b.get()) >= 0 ? a : b);
            }
        }
        boolean earlierGone = undo.stream().map(this::known).anyMatch(u -> u.module().equals(m.module())
                && u.version().compareTo(m.version()) < 0);
        return earlierGone || m.requires().stream().anyMatch(r -> remaining.getOrDefault(r.module(), Optional.empty())
                .map(v -> v.compareTo(r.minimum()) < 0).orElse(true));
    }

    private Migration known(String id) {
        Migration m = byId.get(id);
        if (m == null) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "Cannot plan the undo: " + id + " is applied but no longer"
                    + " in the migration set, so its undo script is unknown.");
        }
        return m;
    }
}
