package dev.ferry.migrate.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSetLoaderTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Migration> resolve(String... variants) {
        return new MigrationSetLoader(getClass().getClassLoader()).load(dir).resolve(List.of(variants), getClass().getClassLoader());
    }

    @Test
    void modulesVariantsUndoAndRequirements() throws Exception {
        write("core/V1__init.sql", "CREATE TABLE a (id INT);");
        write("core/V2__add_destination.sql", "ALTER TABLE a ADD destination TEXT;");
        write("core/V2__add_destination.postgresql.sql", "ALTER TABLE a ADD destination VARCHAR;");
        write("core/U2__add_destination.sql", "ALTER TABLE a DROP destination;");
        write("billing/V1__invoices.sql", "CREATE TABLE invoices (id INT);");
        write("billing/module.properties", "requires = core:2\nrequires.V1 = core:1\n");
        write("billing/README.md", "not a migration");
        List<Migration> pg = resolve("postgresql");
        assertThat(pg).extracting(Migration::id).containsExactly("billing:1", "core:1", "core:2");
        assertThat(pg.get(2).apply().text()).contains("VARCHAR");
        assertThat(pg.get(2).undo().script()).isEqualTo("core/U2__add_destination.sql");
        assertThat(pg.get(2).description()).isEqualTo("add destination");
        assertThat(pg.get(0).requires()).extracting(Requirement::toString).containsExactly("core:2", "core:1");
        assertThat(resolve("sqlite").get(2).apply().text()).contains("TEXT");
    }

    @Test
    void checksumsIgnoreLineEndingsAndByteOrderMarks() {
        assertThat(Checksums.of("\uFEFFa\r\nb\r\n")).isEqualTo(Checksums.of("a\nb\n")).isNotEqualTo(Checksums.of("a\nb"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        write("core/V1__a.sql", "x");
        write("core/V1__b.sql", "y");
        write("core/U7__nothing.sql", "z");
        write("core/V2_broken.sql", "z");
        write("core/V3__only_pg.postgresql.sql", "z");
        assertThatThrownBy(() -> resolve("sqlite")).hasMessageContaining("V2_broken.sql is not a valid migration name");
        Files.delete(dir.resolve("core/V2_broken.sql"));
        assertThatThrownBy(() -> resolve("sqlite")).hasMessageContaining("version 1 has several scripts")
                .hasMessageContaining("undo U7 has no migration V7")
                .hasMessageContaining("has variants for other engines only");
    }

    @Test
    void aDirectoryOfScriptsIsTheCoreModule() throws Exception {
        write("V1__init.sql", "CREATE TABLE a (id INT);");
        assertThat(resolve("sqlite")).extracting(Migration::id).containsExactly("core:1");
    }

    @Test
    void classpathLocationsInADirectoryOrAJar() throws Exception {
        MigrationSetLoader fromTests = new MigrationSetLoader(getClass().getClassLoader());
        assertThat(fromTests.load("classpath:db/ferry").resolve(List.of("sqlite"), getClass().getClassLoader()))
                .extracting(Migration::id).containsExactly("core:1");
        Path jar = dir.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("migrations/"));
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("migrations/billing/"));
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("migrations/billing/V3__x.sql"));
            out.write("SELECT 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThat(new MigrationSetLoader(loader).load("classpath:migrations").resolve(List.of("sqlite"), loader))
                    .extracting(Migration::id).containsExactly("billing:3");
        }
        assertThatThrownBy(() -> fromTests.load("classpath:no/such")).hasMessageContaining("No migrations at classpath:no/such");
    }

    @Test
    void javaMigrationsAreDeclaredInModuleProperties() throws Exception {
        write("core/V1__init.sql", "CREATE TABLE a (id INT);");
        write("core/module.properties", "java.V2__backfill = no.such.Clazz\n");
        assertThatThrownBy(() -> resolve("sqlite")).hasMessageContaining("Cannot create Java migration no.such.Clazz");
    }
}
