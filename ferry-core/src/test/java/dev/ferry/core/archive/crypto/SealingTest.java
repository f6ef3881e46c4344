package dev.ferry.core.archive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sealed-file construction: round trips at every size boundary, and every kind of tampering detected. */
class SealingTest {
    private static final int S = ArchiveKey.SEGMENT_SIZE;
    private static final int SEALED_SEGMENT = S + SegmentCipher.TAG_BYTES;
    private static final Encryption CHEAP = new Encryption(Passphrase.of("correct horse"), KdfParameters.argon2id(1024, 1, 1));
    private static final ArchiveKey KEY = ArchiveKey.create(CHEAP);

    @Test
    void roundTripsAtEverySegmentBoundary() throws IOException {
        for (int size : new int[] {0, 1, S - 1, S, S + 1, 3 * S, 3 * S + 17}) {
            byte[] plain = random(size);
            byte[] sealed = seal(plain, "data/t00001-c00000.rows.zst");
            assertThat(sealed.length).as("size %d", size)
                    .isEqualTo(SegmentCipher.HEADER_BYTES + Math.max(1, (size + S - 1) / S) * SegmentCipher.TAG_BYTES + size);
            assertThat(open(sealed, "data/t00001-c00000.rows.zst")).as("size %d", size).isEqualTo(plain);
        }
    }

    @Test
    void plaintextDoesNotAppearInTheSealedBytes() throws IOException {
        byte[] plain = "public.customers: Alice Smith, alice@example.com\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        String sealed = new String(seal(plain, "schema.json"), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("customers").doesNotContain("Alice").doesNotContain("example.com");
    }

    @Test
    void truncationAtASegmentBoundaryIsDetected() throws IOException {
        byte[] sealed = seal(random(3 * S), "f");
        byte[] cut = Arrays.copyOf(sealed, SegmentCipher.HEADER_BYTES + 2 * SEALED_SEGMENT);
        assertThatThrownBy(() -> open(cut, "f")).isInstanceOf(SealedDataException.class).hasMessageContaining("segment 1");
        byte[] mid = Arrays.copyOf(sealed, sealed.length - 5);
        assertThatThrownBy(() -> open(mid, "f")).isInstanceOf(SealedDataException.class);
        byte[] headerOnly = Arrays.copyOf(sealed, SegmentCipher.HEADER_BYTES);
        assertThatThrownBy(() -> open(headerOnly, "f")).isInstanceOf(SealedDataException.class).hasMessageContaining("truncated");
    }

    @Test
    void appendedBytesAndReorderedSegmentsAreDetected() throws IOException {
        byte[] sealed = seal(random(3 * S), "f");
        byte[] longer = Arrays.copyOf(sealed, sealed.length + SEALED_SEGMENT);
        System.arraycopy(sealed, SegmentCipher.HEADER_BYTES, longer, sealed.length, SEALED_SEGMENT);
        assertThatThrownBy(() -> open(longer, "f")).isInstanceOf(SealedDataException.class);
        byte[] swapped = sealed.clone();
        int a = SegmentCipher.HEADER_BYTES;
        int b = a + SEALED_SEGMENT;
        System.arraycopy(sealed, a, swapped, b, SEALED_SEGMENT);
        System.arraycopy(sealed, b, swapped, a, SEALED_SEGMENT);
        assertThatThrownBy(() -> open(swapped, "f")).isInstanceOf(SealedDataException.class).hasMessageContaining("segment 0");
    }

    @Test
    void aFileUnderAnotherNameOrFromAnotherArchiveIsDetected() throws IOException {
        byte[] sealed = seal(random(100), "data/t00001-c00000.rows.zst");
        assertThatThrownBy(() -> open(sealed, "data/t00002-c00000.rows.zst")).isInstanceOf(SealedDataException.class);
        ArchiveKey other = ArchiveKey.create(CHEAP);
        assertThatThrownBy(() -> other.open(new ByteArrayInputStream(sealed), "data/t00001-c00000.rows.zst").readAllBytes())
                .isInstanceOf(SealedDataException.class);
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        byte[] sealed = seal(random(S + 100), "f");
        for (int i = 0; i < sealed.length; i += 997) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> open(bad, "f")).as("byte %d", i).isInstanceOf(SealedDataException.class);
        }
    }

    @Test
    void theKeyIsDerivedAgainFromTheHeaderAndAWrongPassphraseIsNamed() {
        ArchiveKey again = ArchiveKey.open(KEY.header(), Passphrase.of("correct horse"), "a");
        assertThat(again.header()).isEqualTo(KEY.header());
        assertThatThrownBy(() -> ArchiveKey.open(KEY.header(), Passphrase.of("wrong horse"), "backup-1"))
                .isInstanceOf(FerryException.class).hasMessageStartingWith("Wrong passphrase for encrypted archive backup-1")
                .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.WRONG_PASSPHRASE);
        KdfParameters huge = new KdfParameters("argon2id", 19, 64 * 1024 * 1024, 3, 4, KEY.header().kdf().salt());
        EncryptionHeader hostile = new EncryptionHeader(ArchiveKey.CIPHER, S, huge, KEY.header().keyCheck());
        assertThatThrownBy(() -> ArchiveKey.open(hostile, Passphrase.of("x"), "a")).hasMessageContaining("out of range");
    }

    @Test
    void passphrasesAreNeverPrinted() {
        assertThat(Passphrase.of("s3cret").toString()).doesNotContain("s3cret");
        assertThat(CHEAP.toString()).doesNotContain("correct horse");
    }

    private static byte[] seal(byte[] plain, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = KEY.seal(out, name)) {
            for (int i = 0; i < plain.length; i += 1000) {
                sealed.write(plain, i, Math.min(1000, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private static byte[] open(byte[] sealed, String name) throws IOException {
        try (InputStream in = KEY.open(new ByteArrayInputStream(sealed), name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
