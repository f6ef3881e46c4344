package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.archive.ArchiveFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives through the CLI: `verify` and `restore` (into a SQLite file) end with exit code 1
 * and one line naming the damage, never a stack trace without --verbose, never a hang, and nothing is
 * written anywhere: no target database file, no other file in or beside the archive.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileArchiveCliIT {
    @TempDir
    Path dir;

    Path archive;

    @BeforeEach
    void backup() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 500);
        archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
    }

    @Test
    void damagedArchivesFailWithOneLineAndWriteNothing() throws Exception {
        Path chunk = firstChunk();
        Path outside = dir.resolve("outside.rows.zst");
        Files.copy(chunk, outside);
        Map<String, Runnable> edits = new java.util.LinkedHashMap<>();
        edits.put("bit flip in a data file", () -> flipByte(chunk));
        edits.put("truncated manifest", () -> truncate(archive.resolve(ArchiveFormat.MANIFEST)));
        edits.put("data file outside the archive", () -> editManifest(m -> chunkEntry(m).put("file", "data/../../outside.rows.zst")));
        edits.put("absolute data file", () -> editManifest(m -> chunkEntry(m).put("file", outside.toString())));
        edits.put("table listed twice", () -> editManifest(m -> ((ArrayNode) m.get("tables")).add(m.get("tables").get(0).deepCopy())));
        edits.put("huge row count", () -> editManifest(m -> chunkEntry(m).put("rows", Long.MAX_VALUE)));
        edits.put("linked data directory", this::linkDataDirectory);
        edits.put("schema.json is a pipe", this::schemaAsPipe);
        for (Map.Entry<String, Runnable> edit : edits.entrySet()) {
            Path copy = dir.resolve("hostile");
            copyTree(archive, copy);
            Path pristine = archive;
            archive = copy;
            edit.getValue().run();
            archive = pristine;
            List<String> before = listing();
            expectOneLineFailure(edit.getKey(), CliRun.of("verify", copy.toString(), "-q"));
            Path target = dir.resolve("target.db");
            expectOneLineFailure(edit.getKey(), CliRun.of("restore", "--from", copy.toString(), "--to", "jdbc:sqlite:" + target, "-q"));
            assertThat(target).as(edit.getKey()).doesNotExist();
            assertThat(listing()).as(edit.getKey() + ": nothing written").isEqualTo(before);
            CliRun verbose = CliRun.of("verify", copy.toString(), "-q", "--verbose");
            assertThat(verbose.err()).as("--verbose shows where").contains("\tat ");
            deleteTree(copy);
        }
    }

    private static void expectOneLineFailure(String what, CliRun run) {
        assertThat(run.exitCode()).as(what + ": " + run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines()).as(what + ": " + run.err()).hasSize(1);
        assertThat(run.err()).as(what).startsWith("ferry: ").doesNotContain("\tat ").doesNotContain("internal error");
    }

    private Path firstChunk() throws IOException {
        try (Stream<Path> files = Files.list(archive.resolve("data"))) {
            return files.filter(p -> p.toFile().length() > 1000).sorted().findFirst().orElseThrow();
        }
    }

    private void flipByte(Path pristineChunk) {
        rethrowing(() -> {
            Path file = archive.resolve("data").resolve(pristineChunk.getFileName());
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 3] ^= 0x40;
            Files.write(file, bytes);
        });
    }

    private void truncate(Path pristineFile) {
        rethrowing(() -> {
            Path file = archive.resolve(pristineFile.getFileName());
            Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));
        });
    }

    private void linkDataDirectory() {
        rethrowing(() -> {
            Path real = dir.resolve("real-data");
            Files.move(archive.resolve("data"), real);
            Files.createSymbolicLink(archive.resolve("data"), real);
        });
    }

    private void schemaAsPipe() {
        rethrowing(() -> {
            Files.delete(archive.resolve(ArchiveFormat.SCHEMA));
            assertThat(new ProcessBuilder("mkfifo", archive.resolve(ArchiveFormat.SCHEMA).toString()).start().waitFor()).isZero();
        });
    }

    private ObjectNode chunkEntry(com.fasterxml.jackson.databind.JsonNode manifest) {
        return (ObjectNode) manifest.get("tables").get(0).get("chunks").get(0);
    }

    /** Edits manifest.json and rewrites its checksum, so the edit reaches the checks behind it. */
    private void editManifest(Consumer<com.fasterxml.jackson.databind.JsonNode> edit) {
        rethrowing(() -> {
            var manifest = ArchiveFormat.json().readTree(archive.resolve(ArchiveFormat.MANIFEST).toFile());
            edit.accept(manifest);
            byte[] json = ArchiveFormat.json().writeValueAsBytes(manifest);
            Files.write(archive.resolve(ArchiveFormat.MANIFEST), json);
            String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)) + "  manifest.json\n";
            Files.writeString(archive.resolve(ArchiveFormat.MANIFEST_CHECKSUM), sum, StandardCharsets.US_ASCII);
        });
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private static void rethrowing(IoAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
