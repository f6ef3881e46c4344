package dev.ferry.core.plan;

import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The graph of tables linked by foreign keys. {@link #loadOrder()} puts every referenced table before
 * the tables that reference it; tables in a cycle (including self-references) are grouped together,
 * and their foreign keys must be added after the data, as pg_restore does. Deterministic: ties are
 * broken by name.
 */
public final class ForeignKeyGraph {
    private final Map<QualifiedName, Table> tables = new LinkedHashMap<>();
    private final Map<QualifiedName, TreeSet<QualifiedName>> parents = new HashMap<>();

    public ForeignKeyGraph(List<Table> tableList) {
        tableList.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(t -> tables.put(t.name(), t));
        for (Table t : tables.values()) {
            TreeSet<QualifiedName> ps = new TreeSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (tables.containsKey(fk.referencedTable())) {
                    ps.add(fk.referencedTable());
                }
            }
            parents.put(t.name(), ps);
        }
    }

    /** Tables, parents first; members of one cycle are adjacent. */
    public List<Table> loadOrder() {
        List<Table> order = new ArrayList<>();
        for (List<QualifiedName> component : components()) {
            component.forEach(n -> order.add(tables.get(n)));
        }
        return order;
    }

    /** The groups of two or more tables that reference each other, and self-referencing tables. */
    public List<List<QualifiedName>> cycles() {
        List<List<QualifiedName>> cycles = new ArrayList<>();
        for (List<QualifiedName> c : components()) {
            if (c.size() > 1 || parents.get(c.get(0)).contains(c.get(0))) {
                cycles.add(c);
            }
        }
        return cycles;
    }

    /** Strongly connected components in reverse topological order of the child-to-parent graph (Tarjan). */
    private List<List<QualifiedName>> components() {
        Tarjan tarjan = new Tarjan();
        for (QualifiedName n : tables.keySet()) {
            if (!tarjan.index.containsKey(n)) {
                tarjan.visit(n);
            }
        }
        return tarjan.result;
    }

    /** Iterative-enough Tarjan: recursion depth is bounded by the longest foreign-key chain. */
    private final class Tarjan {
        final Map<QualifiedName, Integer> index = new HashMap<>();
        final Map<QualifiedName, Integer> low = new HashMap<>();
        final Deque<QualifiedName> stack = new ArrayDeque<>();
        final java.util.Set<QualifiedName> onStack = new java.util.HashSet<>();
        final List<List<QualifiedName>> result = new ArrayList<>();
        int counter;

        void visit(QualifiedName v) {
            index.put(v, counter);
            low.put(v, counter++);
            stack.push(v);
            onStack.add(v);
            for (QualifiedName p : parents.get(v)) {
                if (!index.containsKey(p)) {
                    visit(p);
                    low.put(v, Math.min(low.get(v), low.get(p)));
                } else if (onStack.contains(p)) {
                    low.put(v, Math.min(low.get(v), index.get(p)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<QualifiedName> component = new ArrayList<>();
                QualifiedName w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                component.sort(null);
                result.add(component);
            }
        }
    }
}
