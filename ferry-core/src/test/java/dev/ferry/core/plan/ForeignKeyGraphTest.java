package dev.ferry.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyGraphTest {

    private static Table table(String name, String... refs) {
        List<ForeignKey> fks = Arrays.stream(refs)
                .map(r -> new ForeignKey("fk_" + name + "_" + r, List.of("c"), QualifiedName.of(r), List.of("id"),
                        null, null, false, false))
                .toList();
        return new Table(QualifiedName.of(name), List.of(Column.of("id", DataType.of(TypeKind.INTEGER, "int"), false)),
                null, null, fks, null, null, null, null, 0);
    }

    private static List<String> names(List<Table> tables) {
        return tables.stream().map(t -> t.name().name()).toList();
    }

    @Test
    void parentsComeBeforeChildren() {
        var graph = new ForeignKeyGraph(List.of(table("line", "order", "product"), table("order", "customer"),
                table("customer"), table("product")));
        List<String> order = names(graph.loadOrder());
        assertThat(order.indexOf("customer")).isLessThan(order.indexOf("order"));
        assertThat(order.indexOf("order")).isLessThan(order.indexOf("line"));
        assertThat(order.indexOf("product")).isLessThan(order.indexOf("line"));
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void cyclesAndSelfReferencesAreGroupedAndReported() {
        var graph = new ForeignKeyGraph(List.of(table("a", "b"), table("b", "a"), table("tree", "tree"),
                table("leaf", "a")));
        List<String> order = names(graph.loadOrder());
        assertThat(order).hasSize(4);
        assertThat(Math.abs(order.indexOf("a") - order.indexOf("b"))).isEqualTo(1);
        assertThat(order.indexOf("leaf")).isGreaterThan(order.indexOf("a")).isGreaterThan(order.indexOf("b"));
        assertThat(graph.cycles()).extracting(c -> c.stream().map(QualifiedName::name).toList())
                .containsExactlyInAnyOrder(List.of("a", "b"), List.of("tree"));
    }

    @Test
    void referencesToTablesOutsideTheSetAreIgnored() {
        var graph = new ForeignKeyGraph(List.of(table("child", "excluded_parent")));
        assertThat(names(graph.loadOrder())).containsExactly("child");
    }
}
