package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.JavaMigration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A migration set as read from its location: modules with their files, for every engine. */
public record MigrationSet(String location, List<ModuleFiles> modules) {
    public MigrationSet {
        modules = List.copyOf(modules);
    }

    /**
     * The migrations for an engine whose script variants are {@code variants} (most specific first),
     * sorted by module and version. Reports every problem at once: a version with two scripts, an
     * undo without its migration, only other engines' variants, a Java class that cannot be loaded.
     */
    public List<Migration> resolve(List<String> variants, ClassLoader classLoader) {
        List<String> problems = new ArrayList<>();
        List<Migration> out = new ArrayList<>();
        for (ModuleFiles module : modules) {
            out.addAll(resolveModule(module, variants, classLoader, problems));
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "The migration set at " + location + " is invalid: "
                    + String.join("; ", problems));
        }
        out.sort(Comparator.comparing(Migration::module).thenComparing(Migration::version));
        return out;
    }

    private static List<Migration> resolveModule(ModuleFiles module, List<String> variants, ClassLoader loader,
                                                 List<String> problems) {
        Map<Version, Step> applies = new TreeMap<>();
        Map<Version, Step> undos = new TreeMap<>();
        Map<Version, String> descriptions = new TreeMap<>();
        for (Map.Entry<Version, List<ModuleFiles.ScriptFile>> e : byVersion(module, false).entrySet()) {
            ModuleFiles.ScriptFile chosen = choose(module, e.getValue(), variants, problems);
            if (chosen != null) {
                applies.put(e.getKey(), scriptStep(chosen, problems));
                descriptions.put(e.getKey(), chosen.name().description());
            }
        }
        for (Map.Entry<Version, List<ModuleFiles.ScriptFile>> e : byVersion(module, true).entrySet()) {
            ModuleFiles.ScriptFile chosen = choose(module, e.getValue(), variants, problems);
            if (chosen != null) {
                undos.put(e.getKey(), scriptStep(chosen, problems));
            }
        }
        addJava(module, loader, applies, undos, descriptions, problems);
        List<Migration> out = new ArrayList<>();
        for (Map.Entry<Version, Step> e : applies.entrySet()) {
            List<Requirement> requires = new ArrayList<>(module.requires());
            requires.addAll(module.versionRequires().getOrDefault(e.getKey(), List.of()));
            out.add(new Migration(module.name(), e.getKey(), descriptions.get(e.getKey()), requires, e.getValue(),
                    undos.get(e.getKey())));
        }
        undos.keySet().stream().filter(v -> !applies.containsKey(v)).forEach(v -> problems.add(module.name() + ": undo U" + v
                + " has no migration V" + v));
        module.versionRequires().keySet().stream().filter(v -> !applies.containsKey(v)).forEach(v -> problems.add(
                module.name() + "/module.properties: requires.V" + v + " names no migration of " + module.name()));
        return out;
    }

    private static Map<Version, List<ModuleFiles.ScriptFile>> byVersion(ModuleFiles module, boolean undo) {
        Map<Version, List<ModuleFiles.ScriptFile>> out = new TreeMap<>();
        for (ModuleFiles.ScriptFile f : module.scripts()) {
            if (f.name().undo() == undo) {
                out.computeIfAbsent(f.name().version(), v -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /** The engine's most specific variant, else the generic script; null (with a problem) if neither. */
    private static ModuleFiles.ScriptFile choose(ModuleFiles module, List<ModuleFiles.ScriptFile> files, List<String> variants,
                                                 List<String> problems) {
        for (String variant : variants) {
            List<ModuleFiles.ScriptFile> matching = files.stream().filter(f -> variant.equals(f.name().variant())).toList();
            if (!matching.isEmpty()) {
                return single(module, matching, problems);
            }
        }
        List<ModuleFiles.ScriptFile> generic = files.stream().filter(f -> f.name().variant() == null).toList();
        if (generic.isEmpty()) {
            problems.add(module.name() + ": " + files.get(0).path() + " has variants for other engines only; add a generic"
                    + " script or one for " + String.join("/", variants));
            return null;
        }
        return single(module, generic, problems);
    }

    private static ModuleFiles.ScriptFile single(ModuleFiles module, List<ModuleFiles.ScriptFile> files, List<String> problems) {
        if (files.size() > 1) {
            problems.add(module.name() + ": version " + files.get(0).name().version() + " has several scripts ("
                    + files.stream().map(ModuleFiles.ScriptFile::path).toList() + "); give each its own version");
        }
        return files.get(0);
    }

    private static Step scriptStep(ModuleFiles.ScriptFile f, List<String> problems) {
        if (f.name().kind() == MigrationKind.OPS) {
            try {
                OpsFile.parse(f.text(), f.path());
            } catch (FerryException e) {
                problems.add(e.getMessage());
            }
        }
        return new Step(f.name().kind(), f.path(), f.text(), null, Checksums.of(f.text()));
    }

    private static void addJava(ModuleFiles module, ClassLoader loader, Map<Version, Step> applies, Map<Version, Step> undos,
                                Map<Version, String> descriptions, List<String> problems) {
        for (Map.Entry<String, String> e : new TreeMap<>(module.javaMigrations()).entrySet()) {
            var name = ScriptName.parse(e.getKey() + ".sql");
            if (name.isEmpty()) {
                problems.add(module.name() + "/module.properties: java." + e.getKey() + " is not a migration name;"
                        + " write java.V4__backfill_destinations = com.example.Class");
                continue;
            }
            Step step = javaStep(module.name() + "/" + e.getKey() + " (" + e.getValue() + ")", e.getValue(), loader, problems);
            Map<Version, Step> target = name.get().undo() ? undos : applies;
            if (target.containsKey(name.get().version())) {
                problems.add(module.name() + ": version " + name.get().version() + " has both a script and a Java migration");
            } else if (step != null) {
                target.put(name.get().version(), step);
                if (!name.get().undo()) {
                    descriptions.put(name.get().version(), name.get().description());
                }
            }
        }
    }

    private static Step javaStep(String script, String className, ClassLoader loader, List<String> problems) {
        try {
            JavaMigration m = instantiate(className, loader);
            return new Step(MigrationKind.JAVA, script, null, className, m.checksum());
        } catch (FerryException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** A new instance of a Java migration class, with a clear error if it cannot be made. */
    public static JavaMigration instantiate(String className, ClassLoader loader) {
        try {
            Object o = Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
            if (o instanceof JavaMigration m) {
                return m;
            }
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, className + " does not implement "
                    + JavaMigration.class.getName());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "Cannot create Java migration " + className + ": " + e
                    + ". It must be on the class path with a public no-argument constructor.", e);
        }
    }
}
