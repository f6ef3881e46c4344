package dev.ferry.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A read timeout is named (NetworkFaultIT's stalled links said only "connection failed"). */
class SqlErrorsTest {
    @Test
    void aReadTimeoutIsNamed() {
        SQLException stalled = new SQLException("Database connection failed when reading from copy", "08006",
                new java.io.IOException("wrapped", new SocketTimeoutException("Read timed out")));
        FerryException e = SqlErrors.wrap(stalled, ErrorCode.BACKUP_FAILED, "Reading table t failed");
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(e.getMessage()).contains("read timeout").contains("socketTimeout");
        assertThat(SqlErrors.wrap(new SQLException("Connection refused", "08001"), ErrorCode.BACKUP_FAILED, "x").getMessage())
                .doesNotContain("read timeout");
    }
}
