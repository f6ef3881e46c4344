package dev.ferry.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    static final List<Object> SAMPLES = Arrays.asList(null, true, false, 0L, Long.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("18446744073709551615"), new BigDecimal("-12345678901234567890.123456789012345678900"),
            new BigDecimal("0.000"), 1.5f, Float.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -0.0d,
            "", "héllo 🌍 \u0000 tab\t", new byte[] {0, -1, 7}, LocalDate.of(-4712, 1, 1), LocalDate.MAX,
            LocalTime.of(23, 59, 59, 999_999_000), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_456_000),
            OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 1000, ZoneOffset.UTC), OffsetDateTime.MAX, OffsetDateTime.MIN,
            OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(-5)), new Interval(14, -3, 3_600_000_001L),
            UUID.randomUUID(), new Json("{\"a\": [1, 2]}"), new BitString("10110"),
            new ArrayValue(Arrays.asList(1L, null, new ArrayValue(List.of("x")))), new NativeValue("inet", "10.0.0.1/8"));

    @Test
    void everyPortableTypeRoundTrips() throws IOException {
        GrowableBytes buf = new GrowableBytes();
        ValueEncoder enc = new ValueEncoder(false);
        SAMPLES.forEach(v -> enc.encode(v, buf));
        ValueInput in = new ValueInput(new ByteArrayInputStream(Arrays.copyOf(buf.array(), buf.size())));
        for (Object expected : SAMPLES) {
            Object actual = ValueDecoder.decode(in.readByte(), in);
            if (expected instanceof byte[] b) {
                assertThat((byte[]) actual).isEqualTo(b);
            } else {
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    @Test
    void canonicalFormIgnoresRepresentationDifferences() {
        assertThat(hash(1.5f)).isEqualTo(hash(1.5d));
        assertThat(hash(new BigDecimal("1.500"))).isEqualTo(hash(new BigDecimal("1.5")));
        assertThat(hash(new BigDecimal("100"))).isEqualTo(hash(new BigDecimal("1E+2")));
        assertThat(hash(BigInteger.TEN)).isEqualTo(hash(10L));
        assertThat(hash(7)).isEqualTo(hash(7L));
        assertThat(hash("a")).isNotEqualTo(hash(new Json("a")));
    }

    @Test
    void contentHashCountsDuplicatesAndIgnoresOrder() {
        RowHasher one = new RowHasher();
        one.add(new Object[] {1L, "a"});
        one.add(new Object[] {2L, "b"});
        RowHasher other = new RowHasher();
        other.add(new Object[] {2L, "b"});
        other.add(new Object[] {1L, "a"});
        assertThat(one.hash()).isEqualTo(other.hash());
        RowHasher dup = new RowHasher();
        dup.add(new Object[] {1L, "a"});
        dup.add(new Object[] {1L, "a"});
        assertThat(dup.hash()).isNotEqualTo(one.hash());
        assertThat(ContentHash.of(2, one.hash().hex())).isEqualTo(one.hash());
    }

    @Test
    void corruptLengthsFailWithoutAllocating() {
        GrowableBytes buf = new GrowableBytes();
        buf.put(8);
        buf.putVarLong(Long.MAX_VALUE);
        ValueInput in = new ValueInput(new ByteArrayInputStream(Arrays.copyOf(buf.array(), buf.size())));
        assertThatThrownBy(() -> ValueDecoder.decode(in.readByte(), in)).isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("impossible length");
    }

    @Test
    void decimalsWithImpossibleScalesOrSizesAreRefused() {
        GrowableBytes scale = new GrowableBytes();
        scale.put(5);
        scale.putSignedVarLong(-268_435_456L); // found by fuzzing: hashing 1E+268435456 never finished
        scale.putBlock(new byte[] {1});
        assertThatThrownBy(() -> decode(scale)).isInstanceOf(ValueFormatException.class).hasMessageContaining("decimal scale");
        GrowableBytes size = new GrowableBytes();
        size.put(4);
        size.putBlock(new byte[ValueDecoder.MAX_NUMBER_BYTES + 1]);
        assertThatThrownBy(() -> decode(size)).isInstanceOf(ValueFormatException.class).hasMessageContaining("number of");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void hashingAHugeNumericIsFast() {
        // PostgreSQL allows 131,072 digits before the point; BigDecimal.stripTrailingZeros takes ~15 s on 10^150000
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(150_000));
        assertThat(hash(huge)).isEqualTo(hash(new BigDecimal(BigInteger.ONE, -150_000)));
    }

    @Test
    void fastTrailingZeroStripAgreesWithTheJdk() {
        java.util.Random random = new java.util.Random(8);
        for (int i = 0; i < 2_000; i++) {
            BigInteger unscaled = BigInteger.valueOf(random.nextInt(2_000) - 1_000).multiply(BigInteger.TEN.pow(random.nextInt(40)));
            BigDecimal d = new BigDecimal(unscaled, random.nextInt(80) - 40);
            BigDecimal expected = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            assertThat(ValueEncoder.withoutTrailingZeros(d)).as("%s", d).isEqualTo(expected);
        }
    }

    private static Object decode(GrowableBytes buf) throws IOException {
        ValueInput in = new ValueInput(new ByteArrayInputStream(Arrays.copyOf(buf.array(), buf.size())));
        return ValueDecoder.decode(in.readByte(), in);
    }

    private static String hash(Object v) {
        RowHasher h = new RowHasher();
        h.add(new Object[] {v});
        return h.hash().hex();
    }
}
