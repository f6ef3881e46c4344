package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.error.SqlErrors;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/** Opening connections with uniform, password-free error messages. Internal to the operations. */
final class Connections {
    private Connections() {
    }

    static Connection open(Dialect dialect, ConnectionSpec spec, boolean readOnly) {
        try {
            return dialect.connect(spec, readOnly);
        } catch (SQLException e) {
            throw SqlErrors.wrap(e, ErrorCode.CONNECTION_FAILED, "Cannot connect to " + spec, spec.secrets());
        }
    }

    /** Wraps a failure of an operation step on a database. */
    static FerryException failure(SQLException e, ErrorCode fallback, String context, ConnectionSpec spec) {
        return SqlErrors.wrap(e, fallback, context, spec.secrets());
    }
}
