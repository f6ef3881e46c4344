package dev.ferry.dialect.postgres.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.value.ArrayValue;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PgArrayTextTest {
    private static final Function<String, Object> TEXT = s -> s;

    @Test
    void parsesQuotingEscapesAndNulls() {
        ArrayValue a = PgArrayText.parse("{\"a,b\",\"quote\\\"d\",\"back\\\\slash\",NULL,\"NULL\",\"\",\" x y \",plain}", TEXT);
        assertThat(a.elements()).containsExactly("a,b", "quote\"d", "back\\slash", null, "NULL", "", " x y ", "plain");
    }

    @Test
    void parsesNestedEmptyAndBoundedArrays() {
        assertThat(PgArrayText.parse("{{1,2},{NULL,4}}", Long::valueOf)).isEqualTo(new ArrayValue(List.of(
                new ArrayValue(List.of(1L, 2L)), new ArrayValue(Arrays.asList(null, 4L)))));
        assertThat(PgArrayText.parse("{}", TEXT).elements()).isEmpty();
        assertThat(PgArrayText.parse("[0:1]={7,8}", Long::valueOf).elements()).containsExactly(7L, 8L);
    }

    @Test
    void formatQuotesEveryElementAndRoundTrips() {
        ArrayValue a = new ArrayValue(Arrays.asList("a,b", "q\"", "b\\s", null, "NULL", "", "{}"));
        String text = PgArrayText.format(a, Object::toString);
        assertThat(text).isEqualTo("{\"a,b\",\"q\\\"\",\"b\\\\s\",NULL,\"NULL\",\"\",\"{}\"}");
        assertThat(PgArrayText.parse(text, TEXT)).isEqualTo(a);
    }
}
