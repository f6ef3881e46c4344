package dev.ferry.bench.jmh;

import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.ValueEncoder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Deterministic rows shaped like the dataset's: {@code orderLines} like order_line (bigint keys,
 * ints, numeric(12,4), a nullable decimal, Unicode varchar) and {@code wideRows} like product_spec
 * (41 columns of every type, a third NULL).
 */
final class SampleRows {
    static final int BATCH = 1_000;
    private static final String[] WORDS = {"Grüße", "café", "naïve", "東京", "Ωμέγα", "Straße", "crème brûlée", "📦 box"};

    private SampleRows() {
    }

    static Object[][] orderLines(int count) {
        SplittableRandom random = new SplittableRandom(42);
        Object[][] rows = new Object[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = new Object[] {(long) i + 1, (long) random.nextInt(625_000) + 1, (long) random.nextInt(125_000) + 1,
                    1 + random.nextInt(20), 1 + random.nextInt(50), BigDecimal.valueOf(100 + random.nextInt(10_000_000), 4),
                    random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(2000), 4),
                    WORDS[random.nextInt(WORDS.length)] + " Lorem ipsum dolor sit amet, Grüße aus Köln " + i};
        }
        return rows;
    }

    static Object[][] wideRows(int count) {
        SplittableRandom random = new SplittableRandom(7);
        Object[][] rows = new Object[count][];
        for (int i = 0; i < count; i++) {
            Object[] row = new Object[41];
            row[0] = (long) i + 1;
            for (int c = 1; c < 13; c++) {
                row[c] = "attr-" + random.nextInt(100_000) + " " + WORDS[random.nextInt(WORDS.length)];
            }
            for (int c = 13; c < 23; c++) {
                row[c] = BigDecimal.valueOf(random.nextInt(100_000_000), 4);
            }
            for (int c = 23; c < 31; c++) {
                row[c] = random.nextInt(1_000_000);
            }
            for (int c = 31; c < 37; c++) {
                row[c] = random.nextBoolean();
            }
            for (int c = 37; c < 40; c++) {
                row[c] = LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(random.nextInt(157_680_000));
            }
            row[40] = "remarks " + i;
            for (int c = 3; c < 41; c += 3) {
                row[c] = random.nextInt(4) == 0 ? null : row[c];
            }
            rows[i] = row;
        }
        return rows;
    }

    /** The rows in the archive's encoding, back to back, as a chunk holds them (without the framing). */
    static byte[] encoded(Object[][] rows) {
        ValueEncoder encoder = new ValueEncoder(false);
        GrowableBytes out = new GrowableBytes();
        for (Object[] row : rows) {
            for (Object v : row) {
                encoder.encode(v, out);
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.size());
    }
}
