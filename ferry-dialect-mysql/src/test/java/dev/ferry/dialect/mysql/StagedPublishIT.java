package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.View;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit's compensation: when creating views after the swap fails, the swap is reversed. */
class StagedPublishIT {

    @Test
    void failureAfterTheCleanSwapPutsTheOldTargetBack() throws Exception {
        try (ScratchDatabase stage = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            exec(stage, "CREATE TABLE fresh (id INT PRIMARY KEY)", "INSERT INTO fresh VALUES (1)");
            exec(dst, "CREATE TABLE old (id INT PRIMARY KEY)", "CREATE VIEW v_old AS SELECT id FROM old",
                    "CREATE TRIGGER t_old BEFORE INSERT ON old FOR EACH ROW SET NEW.id = NEW.id");
            try (Connection c = RoundTrip.DIALECT.connect(stage.spec(), false); Connection d = dst.connect()) {
                Schema staged = RoundTrip.DIALECT.introspect(c, List.of());
                Schema broken = new Schema(List.of(), List.of(), List.of(), staged.tables(),
                        List.of(new View(QualifiedName.of("v_bad"), "select * from no_such_table", false)), List.of());
                String stageDb = name(stage);
                String target = name(dst);
                String trash = "ferry_trash_" + stageDb.substring(stageDb.length() - 12);
                assertThatThrownBy(() -> new StagedPublish(c, stageDb, target, trash).publish(broken, true))
                        .isInstanceOf(FerryException.class).hasMessageContaining("put back");
                try (var restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
                    assertThat(restore.existingObjects()).containsExactly("table old", "trigger t_old", "view v_old");
                }
                assertThat(RoundTrip.DIALECT.introspect(c, List.of(stageDb)).tables())
                        .extracting(t -> t.name().name()).containsExactly("fresh");
                assertThat(RoundTrip.DIALECT.leftoverStagingDatabases(d)).doesNotContain(trash);
            }
        }
    }

    private static String name(ScratchDatabase db) {
        return db.spec().url().substring(db.spec().url().lastIndexOf('/') + 1);
    }

    private static void exec(ScratchDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
