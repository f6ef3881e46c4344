package dev.ferry.migrate.set;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file name: {@code V3__add_destination.sql}, its undo {@code U3__add_destination.sql},
 * an engine variant {@code V3__add_destination.postgresql.sql}, portable changes {@code V4__tidy.ops}.
 *
 * @param undo        true for U files
 * @param variant     the engine variant, or null for the generic script
 * @param description the words of the description (underscores become spaces)
 */
public record ScriptName(boolean undo, Version version, String description, String variant, MigrationKind kind) {
    private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__([^.]+)(?:\\.([a-z0-9]+))?\\.(sql|ops)");

    /** The parsed name, or empty if the file is not a migration (README.md, module.properties). */
    public static Optional<ScriptName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(m.group(1).equals("U"), Version.parse(m.group(2)), m.group(3).replace('_', ' '),
                m.group(4), m.group(5).equals("ops") ? MigrationKind.OPS : MigrationKind.SQL));
    }

    /** Whether a file name looks like a migration but breaks the rules (so it is reported, not ignored). */
    public static boolean looksLikeMigration(String fileName) {
        return fileName.matches("[VU]\\d.*\\.(sql|ops)");
    }
}
