package dev.ferry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRoundTripTest {
    private static final QualifiedName T = new QualifiedName("public", "items");

    @TempDir
    Path dir;

    private Manifest writeArchive(Path target, int rows) {
        Table table = new Table(T, List.of(Column.of("id", DataType.of(TypeKind.BIGINT, "bigint"), false),
                Column.of("price", DataType.of(TypeKind.DECIMAL, "numeric(12,4)"), true)),
                null, null, null, null, null, null, null, rows);
        try (ArchiveWriter w = ArchiveWriter.create(target, 3)) {
            w.writeSchema(new Schema(List.of("public"), null, null, List.of(table), null, null));
            TableWriter tw = w.openTable(T, 1);
            for (long i = 0; i < rows; i++) {
                tw.write(new Object[] {i, i % 7 == 0 ? null : new BigDecimal(i + ".1250")});
            }
            Manifest.TableEntry entry = tw.finish();
            return w.commit(new Manifest(ArchiveFormat.VERSION, "test", Instant.now(),
                    new Manifest.Source("postgresql", "PostgreSQL", "15", "app", List.of("public")), "one snapshot",
                    List.of(entry), null, null, null));
        }
    }

    @Test
    void rowsSchemaAndProofsRoundTrip() throws IOException {
        Path target = dir.resolve("backup");
        Manifest written = writeArchive(target, 10_000);
        ArchiveReader reader = ArchiveReader.open(target);
        assertThat(reader.manifest()).isEqualTo(written);
        assertThat(reader.schema().tables()).extracting(Table::name).containsExactly(T);
        Manifest.TableEntry entry = reader.manifest().tables().get(0);
        assertThat(entry.rows()).isEqualTo(10_000);
        long count = 0;
        try (ChunkReader chunk = reader.openChunk(entry, entry.chunks().get(0), 2)) {
            Object[] row;
            while ((row = chunk.next()) != null) {
                assertThat(row[0]).isEqualTo(count);
                count++;
            }
        }
        assertThat(count).isEqualTo(10_000);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("backup");
        }
    }

    /**
     * Chunks close after the writer's row limit; a table whose rows fill its chunks exactly ends with
     * no empty chunk, and the chunks' counts and hashes add up to the table's.
     */
    @Test
    void chunksCloseAfterTheRowLimitWithoutATrailingEmptyChunk() {
        for (int rows : new int[] {7, 9, 0}) {
            Path target = dir.resolve("chunks-" + rows);
            Manifest.TableEntry entry;
            try (ArchiveWriter w = ArchiveWriter.create(target, 3).chunkRows(3)) {
                TableWriter tw = w.openTable(T, 1);
                for (long i = 0; i < rows; i++) {
                    tw.write(new Object[] {i, null});
                }
                entry = tw.finish();
            }
            assertThat(entry.chunks()).extracting(Manifest.ChunkEntry::rows)
                    .containsExactlyElementsOf(rows == 7 ? List.of(3L, 3L, 1L) : rows == 9 ? List.of(3L, 3L, 3L) : List.of(0L));
            dev.ferry.core.value.ContentHash sum = new dev.ferry.core.value.ContentHash();
            entry.chunks().forEach(c -> sum.add(dev.ferry.core.value.ContentHash.of(c.rows(), c.hash())));
            assertThat(sum).isEqualTo(dev.ferry.core.value.ContentHash.of(entry.rows(), entry.hash()));
        }
        assertThatThrownBy(() -> ArchiveWriter.create(dir.resolve("bad"), 3).chunkRows(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableWithoutColumnsKeepsItsRowCount() {
        QualifiedName empty = QualifiedName.of("no columns");
        Path target = dir.resolve("backup");
        Manifest.TableEntry entry;
        try (ArchiveWriter w = ArchiveWriter.create(target, 3)) {
            w.writeSchema(new Schema(null, null, null, List.of(new Table(empty, List.of(), null, null, null, null, null, null,
                    null, 3)), null, null));
            TableWriter tw = w.openTable(empty, 1);
            for (int i = 0; i < 3; i++) {
                tw.write(new Object[0]);
            }
            entry = tw.finish();
            w.commit(new Manifest(ArchiveFormat.VERSION, "test", Instant.now(), new Manifest.Source("postgresql", "PostgreSQL",
                    "15", "app", List.of()), "one snapshot", List.of(entry), null, null, null));
        }
        assertThat(ArchiveDrain.readAll(target)).as("found by the PostgreSQL hostile-input test: read as 0 rows").isEqualTo(3);
    }

    @Test
    void aFlippedByteInAChunkIsDetected() throws IOException {
        Path target = dir.resolve("backup");
        writeArchive(target, 5_000);
        Path chunk = target.resolve("data/t00001-c00000.rows.zst");
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(chunk, bytes);
        ArchiveReader reader = ArchiveReader.open(target);
        Manifest.TableEntry entry = reader.manifest().tables().get(0);
        assertThatThrownBy(() -> {
            try (ChunkReader r = reader.openChunk(entry, entry.chunks().get(0), 2)) {
                while (r.next() != null) {
                    // drain
                }
            }
        }).isInstanceOf(FerryException.class).hasMessageContaining("t00001-c00000").hasMessageContaining("public.items")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.ARCHIVE_CORRUPT));
    }

    @Test
    void anEditedManifestIsRejected() throws IOException {
        Path target = dir.resolve("backup");
        writeArchive(target, 10);
        Path manifest = target.resolve(ArchiveFormat.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"rows\" : 10", "\"rows\" : 11"));
        assertThatThrownBy(() -> ArchiveReader.open(target)).hasMessageContaining("manifest.json fails its SHA-256");
    }

    @Test
    void anExistingPathIsNeverOverwrittenAndAMissingOneIsNamed() throws IOException {
        Path target = dir.resolve("backup");
        Files.createDirectory(target);
        assertThatThrownBy(() -> ArchiveWriter.create(target, 3)).isInstanceOf(FerryException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> ArchiveReader.open(dir.resolve("nope")))
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.ARCHIVE_NOT_FOUND));
    }

    @Test
    void anAbandonedWriterLeavesNothingThatLooksLikeAnArchive() throws IOException {
        Path target = dir.resolve("backup");
        try (ArchiveWriter w = ArchiveWriter.create(target, 3)) {
            w.openTable(T, 1).write(new Object[] {1L, null});
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
