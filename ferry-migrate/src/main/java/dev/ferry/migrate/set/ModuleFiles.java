package dev.ferry.migrate.set;

import java.util.List;
import java.util.Map;

/**
 * One module of a migration set as found on disk, before an engine variant is chosen.
 *
 * @param requires        requirements of every migration of the module ({@code requires = core:3})
 * @param versionRequires extra requirements of single migrations ({@code requires.V2 = core:5})
 * @param scripts         every V/U file with its text
 * @param javaMigrations  {@code java.V4__name = class} declarations, by file-like name
 */
public record ModuleFiles(String name, List<Requirement> requires, Map<Version, List<Requirement>> versionRequires,
                          List<ScriptFile> scripts, Map<String, String> javaMigrations) {
    public ModuleFiles {
        requires = requires == null ? List.of() : List.copyOf(requires);
        versionRequires = Map.copyOf(versionRequires);
        scripts = List.copyOf(scripts);
        javaMigrations = Map.copyOf(javaMigrations);
    }

    /** A script file: its parsed name, path for messages, and text. */
    public record ScriptFile(ScriptName name, String path, String text) {
    }
}
