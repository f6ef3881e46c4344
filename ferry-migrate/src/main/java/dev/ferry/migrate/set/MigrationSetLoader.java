package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads a migration set from a directory, or from the class path ({@code classpath:db/ferry}, in a
 * directory or inside a jar). Each subdirectory is a module named after it; a directory holding
 * migration files itself is one module ({@code name} in its module.properties, {@code core} by
 * default). Every problem found is reported at once.
 */
public final class MigrationSetLoader {
    private static final String CLASSPATH = "classpath:";

    private final ClassLoader classLoader;

    public MigrationSetLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public MigrationSet load(String location) {
        if (location.startsWith(CLASSPATH)) {
            return loadClasspath(location.substring(CLASSPATH.length()));
        }
        return load(Path.of(location));
    }

    public MigrationSet load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new FerryException(ErrorCode.USAGE, "Migrations directory " + root.toAbsolutePath()
                    + " does not exist; pass the directory holding one folder per module (e.g. core/V1__init.sql).");
        }
        List<String> problems = new ArrayList<>();
        List<ModuleFiles> modules = new ArrayList<>();
        try {
            if (hasScripts(root)) {
                modules.add(readModule(root, null, problems));
            }
            try (Stream<Path> children = Files.list(root)) {
                for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
                    if (hasScripts(dir) || Files.exists(dir.resolve("module.properties"))) {
                        modules.add(readModule(dir, dir.getFileName().toString(), problems));
                    }
                }
            }
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot read migrations from " + root + ": " + e.getMessage(), e);
        }
        if (modules.isEmpty()) {
            problems.add(root + " holds no migrations: expected one folder per module with files like V1__init.sql");
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "The migration set is invalid: " + String.join("; ", problems));
        }
        return new MigrationSet(root.toString(), modules);
    }

    private MigrationSet loadClasspath(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = classLoader.getResource(path);
        if (url == null) {
            url = classLoader.getResource(path + "/");
        }
        if (url == null) {
            throw new FerryException(ErrorCode.USAGE, "No migrations at classpath:" + path + " (nothing on the class path there;"
                    + " a jar must hold the directory entries too, as Maven's jar plugin writes them).");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return load(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return load(jar.getPath(path));
            } catch (java.nio.file.FileSystemAlreadyExistsException open) {
                return load(FileSystems.getFileSystem(uri).getPath(path));
            }
        } catch (URISyntaxException | IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot read migrations from " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasScripts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> ScriptName.looksLikeMigration(f.getFileName().toString()));
        }
    }

    private static ModuleFiles readModule(Path dir, String dirName, List<String> problems) throws IOException {
        Properties props = properties(dir.resolve("module.properties"));
        String name = dirName != null ? dirName : props.getProperty("name", "core");
        String where = name + "/module.properties";
        List<Requirement> requires = parse(() -> Requirement.parseList(props.getProperty("requires"), where), problems);
        Map<Version, List<Requirement>> perVersion = new HashMap<>();
        Map<String, String> java = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("requires.V")) {
                parse(() -> perVersion.put(Version.parse(key.substring("requires.V".length())),
                        Requirement.parseList(props.getProperty(key), where)), problems);
            } else if (key.startsWith("java.")) {
                java.put(key.substring("java.".length()), props.getProperty(key).strip());
            }
        }
        List<ModuleFiles.ScriptFile> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String file = f.getFileName().toString();
                var parsed = ScriptName.parse(file);
                if (parsed.isPresent()) {
                    scripts.add(new ModuleFiles.ScriptFile(parsed.get(), name + "/" + file,
                            Checksums.withoutBom(Files.readString(f, StandardCharsets.UTF_8))));
                } else if (ScriptName.looksLikeMigration(file)) {
                    problems.add(name + "/" + file + " is not a valid migration name (expected V<version>__<description>"
                            + "[.<engine>].sql or .ops, e.g. V3__add_destination.sql)");
                }
            }
        }
        return new ModuleFiles(name, requires, perVersion, scripts, java);
    }

    private static <T> T parse(java.util.function.Supplier<T> step, List<String> problems) {
        try {
            return step.get();
        } catch (FerryException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }
}
