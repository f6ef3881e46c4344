package dev.ferry.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * The files part of a restore: what was placed where, what the archive holds that no option named
 * (reported, never silently skipped), and warnings that lose nothing (a directory mode not applied).
 */
public record RestoredFiles(List<Placed> placed, List<String> notRestored, List<String> warnings) {
    public static final RestoredFiles NONE = new RestoredFiles(List.of(), List.of(), List.of());

    public RestoredFiles {
        placed = List.copyOf(placed);
        notRestored = List.copyOf(notRestored);
        warnings = List.copyOf(warnings);
    }

    /** One tree ({@code kind} "files") or secret ({@code kind} "secret") written to {@code target}. */
    public record Placed(String kind, String name, Path target, long files, long bytes) {
    }
}
