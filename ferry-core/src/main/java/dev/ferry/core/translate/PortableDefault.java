package dev.ferry.core.translate;

/**
 * A column default in engine-neutral terms. The source dialect reads its own default text into one
 * of these ({@link dev.ferry.core.spi.Dialect#portableDefault}); the target's {@link TargetRules}
 * writes it in its own syntax, or says it cannot.
 */
public sealed interface PortableDefault {

    /** No default, or DEFAULT NULL. */
    record None() implements PortableDefault {
    }

    /** A constant: a portable value (String, Long, BigDecimal, Double, Boolean...). */
    record Literal(Object value) implements PortableDefault {
    }

    /** The time of the insert: {@link Clock#TIMESTAMP} (CURRENT_TIMESTAMP, now()), DATE or TIME. */
    record Now(Clock clock) implements PortableDefault {
    }

    /** An expression only the source engine understands, kept for the report. */
    record Unportable(String expression) implements PortableDefault {
    }

    /** Which current value a {@link Now} default takes. */
    enum Clock { TIMESTAMP, DATE, TIME }

    None NONE = new None();
}
