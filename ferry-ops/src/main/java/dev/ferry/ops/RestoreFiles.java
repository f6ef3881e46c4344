package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.archive.tree.MoveJournal;
import dev.ferry.core.archive.tree.SecretRestore;
import dev.ferry.core.archive.tree.TreeRestore;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Restores an archive's files without its database (after a restore whose files could not be
 * placed, or to restore only the media). The same steps serve {@link Restore}: every tree and secret
 * is checked against its target (all conflicts listed, nothing written), staged under temporary
 * names with every checksum verified, and only then moved into place, all or nothing.
 */
public final class RestoreFiles {
    private final Path archive;
    private final Passphrase passphrase;
    private final FileTargets targets;
    private final ProgressListener progress;

    public RestoreFiles(Path archive, Passphrase passphrase, FileTargets targets, ProgressListener progress) {
        this.archive = archive;
        this.passphrase = passphrase;
        this.targets = targets;
        this.progress = progress;
    }

    public RestoredFiles run() {
        try (StagedFiles staged = stage(ArchiveReader.open(archive, passphrase), targets, progress)) {
            return staged.publish(false);
        } finally {
            progress.done();
        }
    }

    /** Checks and stages; the caller publishes or closes. Names in {@code targets} unknown to the archive are usage errors. */
    static StagedFiles stage(ArchiveReader archive, FileTargets targets, ProgressListener progress) {
        Manifest m = archive.manifest();
        Map<String, Manifest.TreeEntry> trees = m.trees().stream().collect(Collectors.toMap(Manifest.TreeEntry::name,
                Function.identity()));
        Map<String, Manifest.SecretEntry> secrets = m.secrets().stream().collect(Collectors.toMap(Manifest.SecretEntry::name,
                Function.identity()));
        requireKnown("--files-to", targets.trees().keySet(), trees.keySet());
        requireKnown("--secret-to", targets.secrets().keySet(), secrets.keySet());
        List<TreeRestore> treeRestores = new ArrayList<>();
        targets.trees().forEach((name, dir) -> treeRestores.add(new TreeRestore(archive, trees.get(name), dir,
                targets.overwrite())));
        List<SecretRestore> secretRestores = new ArrayList<>();
        targets.secrets().forEach((name, file) -> secretRestores.add(new SecretRestore(archive, secrets.get(name), file,
                targets.overwrite())));
        List<String> conflicts = new ArrayList<>();
        treeRestores.forEach(t -> conflicts.addAll(t.check()));
        secretRestores.forEach(s -> conflicts.addAll(s.check()));
        if (!conflicts.isEmpty()) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "Nothing was restored: " + String.join("; ", conflicts) + ".");
        }
        List<String> notRestored = notNamed(m, targets);
        notRestored.forEach(progress::note);
        MoveJournal journal = new MoveJournal();
        StagedFiles staged = new StagedFiles(treeRestores, secretRestores, notRestored, journal);
        try {
            for (TreeRestore t : treeRestores) {
                progress.phase("Writing files '" + t.tree().name() + "' (" + t.tree().files() + " files) beside " + t.target(), 0, 0);
                t.stage(journal);
            }
            secretRestores.forEach(s -> s.stage(journal));
            return staged;
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    private static List<String> notNamed(Manifest m, FileTargets targets) {
        List<String> out = new ArrayList<>();
        m.trees().stream().filter(t -> !targets.trees().containsKey(t.name())).forEach(t -> out.add("files '" + t.name()
                + "' (" + t.files() + " files, " + t.bytes() + " bytes, from " + t.source() + ") are in the archive but"
                + " were not restored: name a directory with --files-to " + t.name() + "=DIR"));
        m.secrets().stream().filter(s -> !targets.secrets().containsKey(s.name())).forEach(s -> out.add("secret '"
                + s.name() + "' (from " + s.source() + ") is in the archive but was not restored: name a file with"
                + " --secret-to " + s.name() + "=PATH"));
        return out;
    }

    private static void requireKnown(String option, java.util.Set<String> asked, java.util.Set<String> held) {
        List<String> unknown = asked.stream().filter(n -> !held.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, option + " " + String.join(", ", unknown) + ": the archive holds no "
                    + (option.equals("--files-to") ? "files" : "secret") + " by that name" + (held.isEmpty() ? " (it holds none)"
                    : " (it holds: " + String.join(", ", held) + ")") + ".");
        }
    }
}
