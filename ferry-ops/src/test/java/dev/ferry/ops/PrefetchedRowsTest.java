package dev.ferry.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PrefetchedRowsTest {

    /** Found by the hostile-input tests: 8 MiB text rows each took the whole budget, and the reader waited forever. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void rowsAsLargeAsTheBudgetStillFlow() throws Exception {
        int rows = 5;
        byte[] big = new byte[PrefetchedRows.BUDGET_BYTES];
        RowStream source = new RowStream() {
            private int left = rows;

            @Override
            public Object[] next() {
                return left-- > 0 ? new Object[] {big} : null;
            }

            @Override
            public void close() {
            }
        };
        int read = 0;
        try (PrefetchedRows prefetched = new PrefetchedRows(source, "test")) {
            while (prefetched.next() != null) {
                read++;
            }
        }
        assertThat(read).isEqualTo(rows);
    }
}
