package dev.ferry.core.spi;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away database on the same server as a live one, for engines whose JDBC URL names the
 * database as its path ({@code jdbc:postgresql://host/db?...}, {@code jdbc:mariadb://host/db}): created
 * with {@code CREATE DATABASE}, dropped with the given statement on close. Dialects pass their own
 * CREATE and DROP spellings.
 */
public final class ServerThrowaway {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]*/)([^?;]*)(.*)");

    private ServerThrowaway() {
    }

    /**
     * @param create the CREATE DATABASE statement for a name
     * @param drop   the DROP DATABASE statement for a name
     */
    public static Throwaway open(ConnectionSpec live, UnaryOperator<String> create, UnaryOperator<String> drop) throws SQLException {
        Matcher m = URL.matcher(live.url());
        if (!m.matches()) {
            throw new FerryException(ErrorCode.USAGE, "Cannot tell the database name in " + live.redactedUrl()
                    + "; write the URL as jdbc:<engine>://host:port/database");
        }
        String name = "ferry_doctor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(live, create.apply(name));
        ConnectionSpec spec = new ConnectionSpec(m.group(1) + name + m.group(3), live.user(), live.password());
        return new Throwaway(spec, "database " + name + " on the same server", () -> {
            try {
                execute(live, drop.apply(name));
            } catch (SQLException e) {
                throw new FerryException(ErrorCode.IO_FAILED, "Could not drop the throw-away database " + name
                        + "; drop it by hand: " + e.getMessage(), e);
            }
        });
    }

    private static void execute(ConnectionSpec spec, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(spec.url(), spec.user(), spec.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
