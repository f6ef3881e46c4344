package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.List;

/** "Module {@code module} must be at version {@code minimum} or later", written {@code core:3}. */
public record Requirement(String module, Version minimum) {

    /** Parses a comma-separated list such as {@code core:3, billing:1.2}; {@code where} names the file for messages. */
    public static List<Requirement> parseList(String text, String where) {
        List<Requirement> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String item : text.split(",")) {
            String[] p = item.strip().split(":");
            if (p.length != 2 || p[0].isBlank()) {
                throw new FerryException(ErrorCode.INVALID_MIGRATIONS, where + ": '" + item.strip()
                        + "' is not a requirement; write module:version, e.g. core:3");
            }
            out.add(new Requirement(p[0].strip(), Version.parse(p[1].strip())));
        }
        return out;
    }

    @Override
    public String toString() {
        return module + ":" + minimum;
    }
}
