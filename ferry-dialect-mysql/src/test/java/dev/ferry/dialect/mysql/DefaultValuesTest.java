package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.TypeKind;
import org.junit.jupiter.api.Test;

class DefaultValuesTest {

    @Test
    void mariadbDefaultsAreAlreadyExpressions() {
        assertThat(DefaultValues.normalize("'it''s'", "", TypeKind.VARCHAR, true)).isEqualTo("'it''s'");
        assertThat(DefaultValues.normalize("current_timestamp(6)", "", TypeKind.TIMESTAMP_TZ, true)).isEqualTo("current_timestamp(6)");
        assertThat(DefaultValues.normalize("NULL", "", TypeKind.INTEGER, true)).isNull();
        assertThat(DefaultValues.normalize(null, "", TypeKind.INTEGER, true)).isNull();
        assertThat(DefaultValues.normalize("'NULL'", "", TypeKind.VARCHAR, true)).isEqualTo("'NULL'");
    }

    @Test
    void mysqlLiteralsAreQuotedAndExpressionsParenthesised() {
        assertThat(DefaultValues.normalize("it's", "", TypeKind.VARCHAR, false)).isEqualTo("'it''s'");
        assertThat(DefaultValues.normalize("5", "", TypeKind.INTEGER, false)).isEqualTo("5");
        assertThat(DefaultValues.normalize("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", TypeKind.TIMESTAMP_TZ, false))
                .isEqualTo("CURRENT_TIMESTAMP");
        assertThat(DefaultValues.normalize("curdate()", "DEFAULT_GENERATED", TypeKind.DATE, false)).isEqualTo("(curdate())");
    }

    @Test
    void onUpdateIsFoundInExtra() {
        assertThat(DefaultValues.onUpdate("on update current_timestamp(6)")).isEqualTo("current_timestamp(6)");
        assertThat(DefaultValues.onUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(DefaultValues.onUpdate("auto_increment")).isNull();
    }
}
