package dev.ferry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.ValueInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-made hostile archives: bit flips and truncation anywhere, huge declared lengths, duplicate and
 * missing entries, unsafe names, links and pipes. Each must end in one {@link FerryException} (never
 * another exception, a hang or an OutOfMemoryError) and nothing outside the archive may be read.
 * Edits that keep checksums valid are made on purpose, so the checks behind them are reached.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileArchiveTest {
    private static final String CHUNK = "data/t00001-c00000.rows.zst";

    @TempDir
    Path dir;

    Path archive;

    @BeforeEach
    void sample() {
        archive = dir.resolve("archive");
        SampleArchive.write(archive, 50);
    }

    @Test
    void theUntouchedSampleReadsWhole() {
        assertThat(ArchiveDrain.readAll(archive)).isEqualTo(53);
    }

    @Test
    void aBitFlipAnywhereIsDetected() throws IOException {
        int tried = 0;
        for (Path file : files()) {
            byte[] original = Files.readAllBytes(file);
            // the checksum file's label after the digest ("  manifest.json") is not data; its digest is
            int checked = file.endsWith(ArchiveFormat.MANIFEST_CHECKSUM) ? 64 : original.length;
            for (int i : positions(checked)) {
                byte[] flipped = original.clone();
                flipped[i] ^= (byte) (1 << (i % 8));
                Files.write(file, flipped);
                expectDamage(archive);
                tried++;
            }
            Files.write(file, original);
        }
        assertThat(tried).isGreaterThan(500);
    }

    @Test
    void truncationAnywhereIsDetected() throws IOException {
        for (Path file : files()) {
            byte[] original = Files.readAllBytes(file);
            int checked = file.endsWith(ArchiveFormat.MANIFEST_CHECKSUM) ? 64 : original.length;
            for (int length : positions(checked)) {
                Files.write(file, Arrays.copyOf(original, length));
                expectDamage(archive);
            }
            Files.write(file, original);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE - 16, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE, -1})
    void hugeDeclaredLengthsAreRefusedBeforeAllocating(long length) throws IOException {
        GrowableBytes rows = new GrowableBytes();
        rows.put(8); // text
        rows.putVarLong(length);
        rows.put("only a few bytes follow".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        replaceChunk(rows);
        FerryException e = expectDamageOrHeapLimit(archive);
        if (e.code() == ErrorCode.UNSUPPORTED) {
            assertThat(length).isGreaterThan(ValueInput.valueLimit());
            assertThat(e.getMessage()).contains("larger heap").contains("FERRY_JAVA_OPTS");
        }
    }

    @Test
    void hugeArrayAndNumberLengthsAreRefused() throws IOException {
        for (int[] value : List.of(new int[] {19, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}, new int[] {4, 0xFF, 0xFF, 0x7F},
                new int[] {5, 0xFF, 0xFF, 0xFF, 0x0F, 0x02, 0x01, 0x01})) {
            GrowableBytes rows = new GrowableBytes();
            Arrays.stream(value).forEach(rows::put);
            replaceChunk(rows);
            expectDamage(archive);
        }
    }

    @Test
    void duplicateAndMissingEntriesAreDamage() throws IOException {
        expectDamageAfter(m -> tables(m).add(tables(m).get(0).deepCopy()), "listed twice");
        expectDamageAfter(m -> chunks(m, 1).add(chunks(m, 0).get(0).deepCopy()), "listed twice");
        expectDamageAfter(m -> tables(m).remove(1), "has no data for");
        expectDamageAfter(m -> {
            ObjectNode extra = tables(m).get(0).deepCopy();
            ((ObjectNode) extra.get("name")).put("name", "stowaway");
            ((ObjectNode) extra.get("chunks").get(0)).put("file", "data/t00009-c00000.rows.zst");
            tables(m).add(extra);
        }, "does not describe");
        expectDamageAfter(m -> ((ArrayNode) m.get("files")).removeAll(), "lists no schema.json");
        expectDamageAfter(m -> ((ObjectNode) m).remove("source"), "source engine");
        expectDamageAfter(m -> ((ObjectNode) tables(m).get(0)).put("rows", 49), "add up to 50 rows");
        expectDamageAfter(m -> ((ObjectNode) chunks(m, 0).get(0)).putNull("sha256"), "SHA-256");
        expectDamageAfter(m -> ((ObjectNode) tables(m).get(0)).putNull("rows"), "cannot be parsed");
        expectDamageAfter(m -> chunks(m, 0).removeAll(), "lists no data file");
        for (String notAnObject : new String[] {"", "null", "[]", "42", "\"text\""}) {
            String original = Files.readString(archive.resolve(ArchiveFormat.MANIFEST));
            writeManifest(notAnObject);
            expectDamage(archive);
            writeManifest(original);
        }
        writeManifest(Files.readString(archive.resolve(ArchiveFormat.MANIFEST)).replaceFirst("\\{", "{ \"formatVersion\" : 1,"));
        assertThat(expectDamage(archive).getMessage()).contains("Duplicate field");
    }

    @Test
    void aMissingDataFileIsNamed() throws IOException {
        Files.delete(archive.resolve(CHUNK));
        assertThat(expectDamage(archive).getMessage()).contains(CHUNK).contains("public.items").contains("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/../../outside.rows.zst", "/tmp/t00001-c00000.rows.zst", "data/t00001-c00000.rows.zst\u0000x",
            "data//t00001-c00000.rows.zst", "data\\t00001-c00000.rows.zst", "../archive/data/t00001-c00000.rows.zst"})
    void unsafeDataFileNamesAreRefused(String name) throws IOException {
        Files.copy(archive.resolve(CHUNK), dir.resolve("outside.rows.zst"));
        expectDamageAfter(m -> ((ObjectNode) chunks(m, 0).get(0)).put("file", name), "invalid data file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../schema.json", "/etc/passwd", "data/../schema.json", "schema.json\u0000", ".", ""})
    void unsafeFileEntriesAreRefused(String name) throws IOException {
        expectDamageAfter(m -> ((ObjectNode) m.get("files").get(0)).put("file", name), "unsafe path");
    }

    @Test
    void linksInsideTheArchiveAreNeverFollowed() throws IOException {
        Path copy = dir.resolve("copy");
        copyTree(archive, copy);
        Files.delete(archive.resolve(CHUNK));
        Files.createSymbolicLink(archive.resolve(CHUNK), copy.resolve(CHUNK));
        assertThat(expectDamage(archive).getMessage()).contains("symbolic link");

        deleteTree(archive.resolve(ArchiveFormat.DATA_DIR));
        Files.createSymbolicLink(archive.resolve(ArchiveFormat.DATA_DIR), copy.resolve(ArchiveFormat.DATA_DIR));
        assertThat(expectDamage(archive).getMessage()).contains("symbolic link");

        for (String name : List.of(ArchiveFormat.SCHEMA, ArchiveFormat.MANIFEST_CHECKSUM, ArchiveFormat.MANIFEST)) {
            Files.delete(archive.resolve(name));
            Files.createSymbolicLink(archive.resolve(name), copy.resolve(name));
            assertThat(expectDamage(archive).getMessage()).contains(name).contains("symbolic link");
        }
    }

    @Test
    void theArchiveDirectoryItselfMayBeALink() throws IOException {
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, archive);
        assertThat(ArchiveDrain.readAll(link)).isEqualTo(53);
    }

    @Test
    void pipesAndDirectoriesAreRefusedWithoutBlocking() throws Exception {
        Files.delete(archive.resolve(ArchiveFormat.SCHEMA));
        Process mkfifo = new ProcessBuilder("mkfifo", archive.resolve(ArchiveFormat.SCHEMA).toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(expectDamage(archive).getMessage()).contains("schema.json is not a regular file");

        Files.delete(archive.resolve(CHUNK));
        Files.createDirectory(archive.resolve(CHUNK));
        assertThat(expectDamage(archive).getMessage()).contains("not a regular file");
    }

    // ---- helpers

    /** Every position of a small file; of a larger one the first and last 64 and 100 spread between. */
    private static int[] positions(int length) {
        if (length <= 228) {
            return java.util.stream.IntStream.range(0, length).toArray();
        }
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, 64),
                java.util.stream.IntStream.range(0, 100).map(k -> 64 + k * (length - 128) / 100)),
                java.util.stream.IntStream.range(length - 64, length)).distinct().toArray();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(archive)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static FerryException expectDamage(Path archive) {
        FerryException e = expectDamageOrHeapLimit(archive);
        assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.ARCHIVE_CORRUPT, ErrorCode.ARCHIVE_UNSUPPORTED);
        return e;
    }

    static FerryException expectDamageOrHeapLimit(Path archive) {
        FerryException e = catchThrowableOfType(FerryException.class, () -> ArchiveDrain.readAll(archive));
        assertThat(e).as("reading must fail with a FerryException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("to allow");
        return e;
    }

    private void expectDamageAfter(Consumer<JsonNode> edit, String expected) throws IOException {
        String original = Files.readString(archive.resolve(ArchiveFormat.MANIFEST));
        JsonNode manifest = ArchiveFormat.JSON.readTree(original);
        edit.accept(manifest);
        writeManifest(ArchiveFormat.JSON.writeValueAsString(manifest));
        assertThat(expectDamage(archive).getMessage()).contains(expected);
        writeManifest(original);
    }

    private void writeManifest(String json) throws IOException {
        ArchiveFuzzTest.writeManifest(archive, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ArrayNode tables(JsonNode manifest) {
        return (ArrayNode) manifest.get("tables");
    }

    private static ArrayNode chunks(JsonNode manifest, int table) {
        return (ArrayNode) tables(manifest).get(table).get("chunks");
    }

    /** Replaces the first table's chunk by {@code rows} (after the header), keeping size and SHA-256 in step. */
    private void replaceChunk(GrowableBytes rows) throws IOException {
        byte[] body = Arrays.copyOf(ArchiveFormat.CHUNK_MAGIC, ArchiveFormat.CHUNK_MAGIC.length + rows.size());
        System.arraycopy(rows.array(), 0, body, ArchiveFormat.CHUNK_MAGIC.length, rows.size());
        byte[] file = com.github.luben.zstd.Zstd.compress(body, 3);
        Files.write(archive.resolve(CHUNK), file);
        String sha = HexFormat.of().formatHex(ChunkWriter.sha256().digest(file));
        JsonNode manifest = ArchiveFormat.JSON.readTree(archive.resolve(ArchiveFormat.MANIFEST).toFile());
        ObjectNode chunk = (ObjectNode) chunks(manifest, 0).get(0);
        chunk.put("bytes", file.length).put("sha256", sha);
        ((ObjectNode) tables(manifest).get(0)).put("bytes", file.length);
        writeManifest(ArchiveFormat.JSON.writeValueAsString(manifest));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path path) {
        ArchiveWriter.deleteTree(path);
    }
}
