package dev.ferry.cli;

import dev.ferry.core.archive.Manifest;
import dev.ferry.ops.Inspect;
import dev.ferry.ops.InspectResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what an archive holds: source, time, tables with rows and sizes, migration histories found,",
                "stored file trees and secrets. An encrypted archive needs its passphrase."},
        footer = {"", "Example:", "  ferry inspect backups/app-2026-11-23 --json"})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARCHIVE")
    Path archive;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        InspectResult result = new Inspect(archive, passphrase.passphrase()).run();
        if (output.json) {
            Json.print(System.out, result.manifest());
        } else {
            print(System.out, result);
        }
        return 0;
    }

    private static void print(PrintStream out, InspectResult r) {
        Manifest m = r.manifest();
        out.printf("Archive   %s%n", r.archive());
        out.printf("Source    %s %s, database %s%n", m.source().product(), m.source().version(), m.source().database());
        out.printf("Taken     %s by ferry %s (format %d)%n", m.createdAt(), m.ferryVersion(), m.formatVersion());
        out.printf("Snapshot  %s%n", m.snapshot());
        if (m.partial() != null) {
            out.printf("Partial   yes: roots %s%s, with every row they reference%n", String.join(" ", m.partial().roots()),
                    m.partial().withChildren() ? " and their children" : "");
        }
        out.printf("Encrypted %s%n", r.encrypted() ? "yes (AES-256-GCM, key from the passphrase by Argon2id)" : "no");
        out.printf("Contents  %d tables, %d views, %d sequences; %s rows, %s%n", m.tables().size(), r.schema().views().size(),
                r.schema().sequences().size(), Formats.count(m.totalRows()), Formats.bytes(m.totalBytes()));
        int width = Math.max(5, m.tables().stream().mapToInt(t -> t.name().toString().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%n%-" + width + "s  %12s  %10s%n", "table", "rows", "size");
        for (Manifest.TableEntry t : m.tables()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %12s  %10s%n", t.name(), Formats.count(t.rows()), Formats.bytes(t.bytes()));
        }
        if (!m.migrationHistories().isEmpty()) {
            out.printf("%nMigration histories%n");
            for (Manifest.MigrationHistory h : m.migrationHistories()) {
                h.latest().forEach(a -> out.printf("  %-10s %-24s %s%n", h.tool(), a.module(), a.version()));
            }
        }
        if (!m.dataExcluded().isEmpty()) {
            out.printf("%nSchema only, rows left out on purpose (--exclude-data)%n");
            m.dataExcluded().forEach(t -> out.printf("  %s%n", t));
        }
        if (!m.trees().isEmpty()) {
            out.printf("%nFiles%n");
            m.trees().forEach(t -> out.printf(Locale.ROOT, "  %-16s %12s files %10s  from %s%n", t.name(), Formats.count(t.files()),
                    Formats.bytes(t.bytes()), t.source()));
        }
        if (!m.secrets().isEmpty()) {
            out.printf("%nSecrets%n");
            m.secrets().forEach(sf -> out.printf(Locale.ROOT, "  %-16s %10s  from %s%n", sf.name(), Formats.bytes(sf.bytes()),
                    sf.source()));
        }
        m.warnings().forEach(w -> out.println("warning: " + w));
    }
}
