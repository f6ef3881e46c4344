package dev.ferry.cli;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeatable {@code NAME=PATH} option values, in order, refusing malformed and repeated names. */
final class NamedPathOptions {
    private NamedPathOptions() {
    }

    static Map<String, Path> parse(String option, List<String> values) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new FerryException(ErrorCode.USAGE, option + " " + value + ": expected NAME=PATH, e.g. " + option
                        + " media=/srv/app/media");
            }
            String name = value.substring(0, eq);
            if (out.put(name, Path.of(value.substring(eq + 1))) != null) {
                throw new FerryException(ErrorCode.USAGE, option + " names '" + name + "' twice.");
            }
        }
        return out;
    }
}
