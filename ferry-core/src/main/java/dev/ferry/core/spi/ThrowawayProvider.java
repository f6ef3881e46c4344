package dev.ferry.core.spi;

import java.util.Optional;

/**
 * A source of throw-away databases that needs no server and no privilege on the user's server (an
 * embedded PostgreSQL), found with {@link java.util.ServiceLoader}. Ferry doctor asks every provider
 * first and falls back to a database on the live server ({@link MigrationSupport#openThrowaway}).
 */
public interface ThrowawayProvider {

    /**
     * A new, empty database of {@code engine} whose server matches {@code live} closely enough to stand
     * in for it (the same major version), or empty when this provider has none.
     */
    Optional<Throwaway> open(String engine, ServerInfo live);
}
