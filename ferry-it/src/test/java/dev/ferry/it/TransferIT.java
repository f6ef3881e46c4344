package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.translate.Change;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.Fingerprint;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferResult;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ferry transfer on real engines: across engines, within one, and refusals that leave the target as it was. */
class TransferIT {

    @Test
    void sqliteToPostgresAndMariadbProvesEveryTableAndNeverTouchesTheSource() throws Exception {
        try (ScratchDatabase source = Engine.SQLITE.scratch(); ScratchDatabase pg = Engine.POSTGRES.scratch();
             ScratchDatabase maria = Engine.MARIADB.scratch()) {
            try (Connection c = source.connect()) {
                Engine.SQLITE.fill(c);
            }
            Path file = Path.of(source.spec().url().substring("jdbc:sqlite:".length()));
            String before = sha256(file);
            for (ScratchDatabase target : List.of(pg, maria)) {
                TransferResult r = new Transfer(TransferSettings.of(source.spec(), target.spec()).withJobs(2),
                        ProgressListener.NONE).run();
                assertThat(r.proofs()).hasSize(10).allMatch(TableProof::matches);
                assertThat(r.rows()).isEqualTo(20_000 + 19);
                assertThat(r.changes()).anyMatch(c -> c.kind() == Change.Kind.REPRESENTATION && c.object().contains("types.i"));
                assertThat(count(target, "big")).isEqualTo(20_000);
            }
            assertThat(sha256(file)).as("the source file is only read").isEqualTo(before);
            assertThat(Files.exists(Path.of(file + "-journal"))).isFalse();
        }
    }

    @Test
    void postgresToPostgresWithTwoReadersEqualsTheSource() throws Exception {
        try (ScratchDatabase source = Engine.POSTGRES.scratch(); ScratchDatabase target = Engine.POSTGRES.scratch()) {
            try (Connection c = source.connect()) {
                Engine.POSTGRES.fill(c);
            }
            Map<String, ContentHash> before = new Fingerprint(source.spec(), List.of()).run();
            TransferResult r = new Transfer(TransferSettings.of(source.spec(), target.spec()).withJobs(2), ProgressListener.NONE).run();
            assertThat(r.crossEngine()).isFalse();
            assertThat(r.readers()).isEqualTo(2);
            assertThat(r.changes()).isEmpty();
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(before);
            assertThat(new Fingerprint(source.spec(), List.of()).run()).isEqualTo(before);
        }
    }

    @Test
    void refusalsWriteNothing() throws Exception {
        try (ScratchDatabase source = Engine.SQLITE.scratch(); ScratchDatabase target = Engine.MARIADB.scratch()) {
            try (Connection c = source.connect()) {
                Engine.SQLITE.fill(c);
            }
            assertThatThrownBy(() -> new Transfer(TransferSettings.of(source.spec(), target.spec()).withStrict(true),
                    ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("--strict").hasMessageContaining("types.i")
                    .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.STRICT_REFUSED);
            assertThat(tables(target)).isZero();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE existing (id INT)");
            }
            assertThatThrownBy(() -> new Transfer(TransferSettings.of(source.spec(), target.spec()), ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("not empty").hasMessageContaining("existing");
            assertThat(tables(target)).isEqualTo(1);
        }
    }

    private static long count(ScratchDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long tables(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
