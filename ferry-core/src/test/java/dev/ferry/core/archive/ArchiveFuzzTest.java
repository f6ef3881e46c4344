package dev.ferry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.luben.zstd.Zstd;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.RowHasher;
import dev.ferry.core.value.ValueDecoder;
import dev.ferry.core.value.ValueEncoder;
import dev.ferry.core.value.ValueInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads an archive: the value decoder, the row
 * chunk reader, and the manifest and schema parsers behind {@link ArchiveReader}. The promise under
 * test: whatever the bytes, reading ends in one {@link FerryException} saying the archive is damaged,
 * or that a value is too large for this heap (never another exception, a hang, or running out of memory).
 *
 * <p>By default (regression mode) each method runs on the committed corpus in
 * {@code src/test/resources/dev/ferry/core/archive/ArchiveFuzzTestInputs/<method>/}: seeds made from a
 * valid archive plus every input a fuzz run ever found. {@code JAZZER_FUZZ=1} fuzzes one method for
 * {@code maxDuration}; the {@code fuzz} Maven profile (on in CI) fuzzes {@link #allReaders}, which
 * feeds all three, briefly. A finding is written to the inputs directory: fix the reader, keep the
 * file as a regression input.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArchiveFuzzTest {
    private static final Set<ErrorCode> ARCHIVE_ERRORS = EnumSet.of(ErrorCode.ARCHIVE_CORRUPT, ErrorCode.ARCHIVE_UNSUPPORTED);
    private static final Path TEMPLATE = template();
    private static final Manifest TEMPLATE_MANIFEST = ArchiveReader.open(TEMPLATE).manifest();
    private static final byte[] TEMPLATE_SCHEMA = read(TEMPLATE.resolve(ArchiveFormat.SCHEMA));
    /** A copy of the template whose JSON files each archiveJson execution rewrites (its data files stay). */
    private static final Path SCRATCH = copyOfTemplate();

    /**
     * Values straight from bytes: decoding fails only with an IOException (damaged data), and every
     * decoded value encodes and decodes again to a value with the same content hash.
     */
    @FuzzTest(maxDuration = "15s")
    void valueDecoder(byte[] data) {
        ValueInput in = new ValueInput(new ByteArrayInputStream(data));
        List<Object> values = new ArrayList<>();
        try {
            while (values.size() < 10_000) {
                values.add(ValueDecoder.decode(in.readByte(), in));
            }
        } catch (IOException expected) {
            // truncated or damaged input: the only acceptable way to fail
        }
        for (Object value : values) {
            assertThat(hash(reencoded(value))).as("re-encoded %s", value).isEqualTo(hash(value));
        }
    }

    /**
     * A row chunk file whose size and SHA-256 match its manifest entry, so the bytes reach the decoder.
     * The first input byte chooses the column count (low 5 bits), whether the rest is compressed here
     * (bit 5 clear) or is taken as the raw zstd file, and whether the row-chunk header is prepended (bit 6 clear).
     */
    @FuzzTest(maxDuration = "15s")
    void chunkReader(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int flags = data[0];
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        if ((flags & 0x40) == 0) {
            body = concat(ArchiveFormat.CHUNK_MAGIC, body);
        }
        byte[] file = (flags & 0x20) == 0 ? Zstd.compress(body, 1) : body;
        Path chunk = Files.createTempFile("ferry-fuzz-", ".rows.zst");
        try {
            Files.write(chunk, file);
            Manifest.ChunkEntry entry = new Manifest.ChunkEntry("data/t00001-c00000.rows.zst", 1, "0".repeat(32),
                    file.length, HexFormat.of().formatHex(ChunkWriter.sha256().digest(file)));
            expectOnlyArchiveErrors(() -> {
                try (ChunkReader reader = new ChunkReader(chunk, entry, "fuzzed", flags & 0x1F, dev.ferry.core.archive.crypto.Sealing.NONE, true)) {
                    while (reader.next() != null) {
                        // every check happens inside the reader
                    }
                }
            });
        } finally {
            Files.deleteIfExists(chunk);
        }
    }

    /**
     * The archive's JSON files with valid checksums, so the bytes reach the parsers and the checks
     * after them. First byte even: the input is manifest.json; odd: it is schema.json (the manifest
     * is rewritten to carry its checksum). The whole archive is then read as verify reads it.
     */
    @FuzzTest(maxDuration = "15s")
    void archiveJson(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        Path archive = SCRATCH;
        byte[] json = Arrays.copyOfRange(data, 1, data.length);
        if ((data[0] & 1) == 0) {
            Files.write(archive.resolve(ArchiveFormat.SCHEMA), TEMPLATE_SCHEMA);
            writeManifest(archive, json);
        } else {
            Files.write(archive.resolve(ArchiveFormat.SCHEMA), json);
            Manifest.FileEntry schema = new Manifest.FileEntry(ArchiveFormat.SCHEMA, json.length,
                    HexFormat.of().formatHex(ChunkWriter.sha256().digest(json)));
            Manifest m = TEMPLATE_MANIFEST;
            writeManifest(archive, ArchiveFormat.JSON.writeValueAsBytes(new Manifest(m.formatVersion(), m.ferryVersion(),
                    m.createdAt(), m.source(), m.snapshot(), m.tables(), m.migrationHistories(), List.of(schema),
                    m.warnings())));
        }
        expectOnlyArchiveErrors(() -> ArchiveDrain.readAll(archive));
    }

    /**
     * The three targets behind one, chosen by the first byte (0: values, 1: chunk, 2: JSON), so that CI
     * pays Jazzer's start-up once: {@code -Dtest=ArchiveFuzzTest#allReaders} in the fuzz profile.
     */
    @FuzzTest(maxDuration = "30s")
    void allReaders(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        switch (Math.floorMod(data[0], 3)) {
            case 0 -> valueDecoder(rest);
            case 1 -> chunkReader(rest);
            default -> archiveJson(rest);
        }
    }

    static void expectOnlyArchiveErrors(Runnable read) {
        try {
            read.run();
        } catch (FerryException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                assertThat(e.getMessage()).as("only a value too large for this heap is unsupported").contains("larger heap");
            } else {
                assertThat(ARCHIVE_ERRORS).as("error code of: %s", e.getMessage()).contains(e.code());
            }
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
        }
    }

    static void writeManifest(Path archive, byte[] json) throws IOException {
        Files.write(archive.resolve(ArchiveFormat.MANIFEST), json);
        String sum = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json)) + "  " + ArchiveFormat.MANIFEST + "\n";
        Files.writeString(archive.resolve(ArchiveFormat.MANIFEST_CHECKSUM), sum, StandardCharsets.US_ASCII);
    }

    private static Path copyOfTemplate() {
        try {
            Path archive = TEMPLATE.resolveSibling("scratch");
            Files.createDirectories(archive.resolve(ArchiveFormat.DATA_DIR));
            try (var files = Files.list(TEMPLATE.resolve(ArchiveFormat.DATA_DIR))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, archive.resolve(ArchiveFormat.DATA_DIR).resolve(f.getFileName()));
                }
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object reencoded(Object value) {
        GrowableBytes out = new GrowableBytes();
        new ValueEncoder(false).encode(value, out);
        ValueInput in = new ValueInput(new ByteArrayInputStream(Arrays.copyOf(out.array(), out.size())));
        try {
            return ValueDecoder.decode(in.readByte(), in);
        } catch (IOException e) {
            throw new AssertionError("the encoder wrote what the decoder cannot read: " + value, e);
        }
    }

    private static String hash(Object value) {
        RowHasher hasher = new RowHasher();
        hasher.add(new Object[] {value});
        return hasher.hash().hex();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path template() {
        try {
            Path dir = Files.createTempDirectory("ferry-fuzz-template-");
            dir.toFile().deleteOnExit();
            Path archive = dir.resolve("sample");
            SampleArchive.write(archive, 20);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
