package dev.ferry.migrate.set;

import java.util.List;

/**
 * A versioned migration of one module, resolved for one engine (its variant chosen).
 *
 * @param requires other modules that must be at a minimum version before this one runs
 * @param undo     how to undo it, or null if there is no undo script
 */
public record Migration(String module, Version version, String description, List<Requirement> requires, Step apply,
                        Step undo) {
    public Migration {
        requires = List.copyOf(requires);
    }

    /** {@code core:3}. */
    public String id() {
        return module + ":" + version;
    }

    @Override
    public String toString() {
        return module + " V" + version + " " + description;
    }
}
