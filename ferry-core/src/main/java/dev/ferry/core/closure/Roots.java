package dev.ferry.core.closure;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --root "<table>:<condition>"} options, resolved against the tables being backed up. */
public final class Roots {
    private Roots() {
    }

    /**
     * One condition per root table (several roots of one table joined by OR). A FerryException (USAGE)
     * names an unknown table, an unknown column or a malformed condition.
     */
    public static Map<QualifiedName, Condition> resolve(List<Table> tables, List<String> specs) {
        Map<QualifiedName, Condition> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new FerryException(ErrorCode.USAGE, "--root " + spec + ": expected <table>:<condition>, e.g."
                        + " --root \"project:id=5\"");
            }
            Table table = table(tables, spec.substring(0, colon).trim());
            Condition c = RootCondition.parse(table, spec.substring(colon + 1));
            out.merge(table.name(), c, Condition.Or::new);
        }
        return out;
    }

    private static Table table(List<Table> tables, String name) {
        List<Table> found = tables.stream().filter(t -> t.name().toString().equals(name)).toList();
        if (found.isEmpty()) {
            found = tables.stream().filter(t -> t.name().name().equals(name)).toList();
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, "--root " + name + ": no such table in the backup (tables: "
                    + String.join(", ", tables.stream().map(t -> t.name().toString()).sorted().toList()) + ")");
        }
        throw new FerryException(ErrorCode.USAGE, "--root " + name + ": the name is ambiguous ("
                + String.join(", ", found.stream().map(t -> t.name().toString()).toList()) + "); qualify it with its schema");
    }
}
