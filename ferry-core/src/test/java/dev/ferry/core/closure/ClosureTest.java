package dev.ferry.core.closure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.RowCursor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The closure's rules on rows held in memory: parents always, children on request, cycles terminate. */
class ClosureTest {
    private static final DataType INT = DataType.of(TypeKind.BIGINT, "bigint");
    // node(id, parent_id -> node, owner_id -> owner); owner(id, favourite_id -> node): a two-table cycle and a self-reference
    private static final Table NODE = table("node", List.of("id", "parent_id", "owner_id"),
            fk("parent_id", "node"), fk("owner_id", "owner"));
    private static final Table OWNER = table("owner", List.of("id", "favourite_id"), fk("favourite_id", "node"));
    private static final Map<String, List<Object[]>> ROWS = Map.of(
            "node", List.of(row(1, null, 1), row(2, 1, 1), row(3, 2, 2), row(4, 3, null), row(5, null, 2), row(6, 6, null),
                    row(7, 1, 1)),
            "owner", List.of(row(1, null), row(2, 5)));

    @Test
    void parentsAreFollowedThroughSelfReferencesAndCycles() throws Exception {
        Closure closure = closure("id = 3", false);
        // node 3 → parent 2 → 1 (self-reference); owner 2 → favourite node 5 → owner 2 (cycle); owner 1 of 1 and 2
        assertThat(selected(closure, NODE)).containsExactly(1L, 2L, 3L, 5L);
        assertThat(selected(closure, OWNER)).containsExactly(1L, 2L);
    }

    @Test
    void childrenOfTheRootsButNotChildrenOfTheirParents() throws Exception {
        // node 3's child 4 comes; its parents 2 and 1 come, but not node 7, another child of node 1; owner 2
        // comes as node 3's parent with its favourite 5, but not its other children
        Closure fromThree = closure("id = 3", true);
        assertThat(selected(fromThree, NODE)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(selected(fromThree, OWNER)).containsExactly(1L, 2L);
        Closure fromOne = closure("id = 1", true);
        assertThat(selected(fromOne, NODE)).containsExactly(1L, 2L, 3L, 4L, 5L, 7L);
        assertThat(selected(fromOne, OWNER)).containsExactly(1L, 2L);
        assertThat(fromOne.scans()).isLessThan(20);
    }

    @Test
    void aSelfReferencingRowTerminates() throws Exception {
        Closure closure = closure("id = 6", true);
        assertThat(selected(closure, NODE)).containsExactly(6L);
        assertThat(selected(closure, OWNER)).isEmpty();
    }

    private static Closure closure(String condition, boolean children) throws Exception {
        return new Closure(List.of(NODE, OWNER), Map.of(NODE.name(), RootCondition.parse(NODE, condition)), children)
                .compute(t -> cursor(ROWS.get(t.name().name())));
    }

    private static List<Long> selected(Closure closure, Table table) {
        List<Long> out = new ArrayList<>();
        ROWS.get(table.name().name()).stream().filter(r -> closure.selected(table, r)).forEach(r -> out.add((Long) r[0]));
        return out;
    }

    private static RowCursor cursor(List<Object[]> rows) {
        Iterator<Object[]> it = rows.iterator();
        return new RowCursor() {
            @Override
            public Object[] next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Object[] row(Integer... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : (Object) values[i].longValue();
        }
        return out;
    }

    private static ForeignKey fk(String column, String parent) {
        return new ForeignKey(column + "_fk", List.of(column), QualifiedName.of(parent), List.of("id"), null, null, false, false);
    }

    private static Table table(String name, List<String> columns, ForeignKey... fks) {
        return new Table(QualifiedName.of(name), columns.stream().map(c -> Column.of(c, INT, true)).toList(),
                new PrimaryKey(name + "_pk", List.of("id")), null, List.of(fks), null, null, null, null, 0);
    }
}
