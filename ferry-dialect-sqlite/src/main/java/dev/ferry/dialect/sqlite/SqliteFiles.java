package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.Redaction;
import java.nio.file.Path;

/** Where a {@code jdbc:sqlite:} URL points on disk. */
final class SqliteFiles {
    static final String PREFIX = "jdbc:sqlite:";

    private SqliteFiles() {
    }

    /** The database file of a URL; refuses in-memory databases, which cannot be backed up or restored into. */
    static Path path(String url) {
        String rest = url.substring(PREFIX.length());
        if (rest.startsWith("file:///")) {
            try {
                int query = rest.indexOf('?');
                return Path.of(java.net.URI.create(query < 0 ? rest : rest.substring(0, query))).toAbsolutePath().normalize();
            } catch (IllegalArgumentException notAUri) {
                // a path written without percent-encoding: read it as written, below
            }
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.contains("mode=memory")) {
            throw new FerryException(ErrorCode.USAGE, "'" + Redaction.redactUrl(url) + "' is an in-memory SQLite database; give a file path,"
                    + " e.g. jdbc:sqlite:app.db");
        }
        return Path.of(rest).toAbsolutePath().normalize();
    }
}
