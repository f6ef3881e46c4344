package dev.ferry.dialect.postgres.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which archived texts a staging schema can take, rewritten, and which make the restore fall back. */
class StagingPlanTest {
    private static final String STAGE = "ferry_stage_abc123_0000ffff";
    private final StagedNames names = new StagedNames("public", STAGE);

    @Test
    void sequencesEnumCastsAndIndexTablesMoveToTheStage() {
        assertThat(names.rewrite("nextval('public.customer_id_seq'::regclass)"))
                .isEqualTo("nextval('" + STAGE + ".customer_id_seq'::regclass)");
        assertThat(names.rewrite("'ok'::public.mood")).isEqualTo("'ok'::" + STAGE + ".mood");
        assertThat(names.rewrite("CREATE UNIQUE INDEX i ON public.t USING btree (lower(a)) WHERE (a <> ''::text)"))
                .isEqualTo("CREATE UNIQUE INDEX i ON " + STAGE + ".t USING btree (lower(a)) WHERE (a <> ''::text)");
        assertThat(names.rewrite("CREATE INDEX i ON ONLY public.t USING btree (a)")).contains("ON ONLY " + STAGE + ".t");
        assertThat(names.rewrite("(length(name) > 0)")).isEqualTo("(length(name) > 0)");
        assertThat(names.rewriteType("public.mood[]")).isEqualTo(STAGE + ".mood[]");
        assertThat(new StagedNames("My Schema", STAGE).rewrite("nextval('\"My Schema\".s'::regclass)"))
                .isEqualTo("nextval('" + STAGE + ".s'::regclass)");
    }

    @Test
    void anyOtherMentionOfTheSchemaRefusesStaging() {
        assertThat(names.rewrite("public.is_even(id)")).isNull();
        assertThat(names.rewrite("'see public.docs'::text")).as("inside a literal: not rewritten, not trusted").isNull();
        assertThat(names.rewrite("'x::public.mood'::text")).isNull();
        assertThat(names.rewrite("\"public\".f()")).isNull();
        assertThat(names.mentions("my_public.x")).isFalse();
    }

    @Test
    void aPlanMovesEverythingOrSaysWhyNot() {
        DataType mood = new DataType(TypeKind.ENUM, "public.mood", null, null, null, false, null, new QualifiedName("public", "mood"), null);
        Table t = new Table(new QualifiedName("public", "t"), List.of(Column.of("id", DataType.of(TypeKind.INTEGER, "integer"), false),
                Column.of("m", mood, true)), new PrimaryKey("t_pkey", List.of("id")), null, null, null, null, Map.of(), null, 0);
        Schema schema = new Schema(List.of("public"), List.of(new EnumType(new QualifiedName("public", "mood"), List.of("a"))),
                List.of(), List.of(t), List.of(), List.of());
        StagingPlan plan = StagingPlan.of(schema, "public", STAGE);
        assertThat(plan.refusal()).isNull();
        assertThat(plan.staged(t).name()).isEqualTo(new QualifiedName(STAGE, "t"));
        assertThat(plan.staged(t).columns().get(1).type().nativeType()).isEqualTo(STAGE + ".mood");
        assertThat(plan.staged().enums().get(0).name()).isEqualTo(new QualifiedName(STAGE, "mood"));

        Schema withDomain = new Schema(List.of("public"), null, null, List.of(t), null,
                List.of(new NativeObject("domain", new QualifiedName("public", "d"), "CREATE DOMAIN public.d AS int")));
        assertThat(StagingPlan.of(withDomain, "public", STAGE).refusal()).contains("domain public.d");
        Table other = new Table(new QualifiedName("app", "u"), t.columns().subList(0, 1), null, null, null, null, null, Map.of(), null, 0);
        Schema twoSchemas = new Schema(List.of("app", "public"), schema.enums(), null, List.of(t, other), null, null);
        assertThat(StagingPlan.of(twoSchemas, "public", STAGE).refusal()).contains("2 schemas");
        Table hostile = new Table(new QualifiedName("sch\"ema; -- 'x'", "t"), t.columns().subList(0, 1), null, null, null, null,
                null, Map.of(), null, 0);
        assertThat(StagingPlan.of(new Schema(null, null, null, List.of(hostile), null, null), "sch\"ema; -- 'x'", STAGE)
                .refusal()).contains("quote");
    }
}
