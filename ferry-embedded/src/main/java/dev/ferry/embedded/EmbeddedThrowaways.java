package dev.ferry.embedded;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Throwaway;
import dev.ferry.core.spi.ThrowawayProvider;
import java.util.Optional;

/**
 * Throw-away PostgreSQL databases for ferry doctor: an embedded server of the bundled major, when the
 * live server runs that same major (so the expected schema is built by the same PostgreSQL rules),
 * instead of a scratch database on the user's server, which would need the privilege to create one.
 */
public final class EmbeddedThrowaways implements ThrowawayProvider {
    private static final String POSTGRES = "postgresql";

    @Override
    public Optional<Throwaway> open(String engine, ServerInfo live) {
        if (!POSTGRES.equals(engine) || live == null || !Platform.isLinuxX64()) {
            return Optional.empty();
        }
        Optional<PostgresBinaries> binaries = PostgresBinaries.onClassPath();
        if (binaries.isEmpty() || binaries.get().major() != major(live.version())) {
            return Optional.empty();
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(binaries.get()));
        ConnectionSpec spec = server.createDatabase("ferry_doctor");
        return Optional.of(new Throwaway(spec, "throw-away embedded PostgreSQL " + server.serverVersion(), server::close));
    }

    private static int major(String version) {
        String digits = version == null ? "" : version.replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) ? -1 : Integer.parseInt(digits);
    }
}
