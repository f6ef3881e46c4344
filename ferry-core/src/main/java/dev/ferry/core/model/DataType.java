package dev.ferry.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A column type: its portable {@link TypeKind} with parameters, and the native spelling the source
 * engine used ({@code nativeType}, e.g. {@code character varying(20)}, {@code int(10) unsigned},
 * {@code public.mood}). A same-engine restore writes {@code nativeType} as it is.
 *
 * @param length     for CHAR/VARCHAR/BINARY/VARBINARY/BIT, null when unbounded
 * @param precision  for DECIMAL (null: unconstrained), TIME/TIMESTAMP fractional digits
 * @param scale      for DECIMAL
 * @param unsigned   MariaDB/MySQL unsigned integers and decimals
 * @param element    element type of an ARRAY
 * @param enumType   the named enum type of an ENUM column (PostgreSQL); null for inline enums
 * @param labels     the labels of an inline enum (MariaDB ENUM('a','b')) or SET
 */
public record DataType(TypeKind kind, String nativeType, Integer length, Integer precision, Integer scale,
                       boolean unsigned, DataType element, QualifiedName enumType, List<String> labels) {
    public DataType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nativeType, "nativeType");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A type with only a kind and its native spelling. */
    public static DataType of(TypeKind kind, String nativeType) {
        return new DataType(kind, nativeType, null, null, null, false, null, null, null);
    }

    public DataType withLength(Integer newLength) {
        return new DataType(kind, nativeType, newLength, precision, scale, unsigned, element, enumType, labels);
    }

    public DataType withPrecision(Integer newPrecision, Integer newScale) {
        return new DataType(kind, nativeType, length, newPrecision, newScale, unsigned, element, enumType, labels);
    }

    public DataType withUnsigned(boolean newUnsigned) {
        return new DataType(kind, nativeType, length, precision, scale, newUnsigned, element, enumType, labels);
    }

    public DataType withElement(DataType newElement) {
        return new DataType(kind, nativeType, length, precision, scale, unsigned, newElement, enumType, labels);
    }

    public DataType withEnum(QualifiedName newEnumType, List<String> newLabels) {
        return new DataType(kind, nativeType, length, precision, scale, unsigned, element, newEnumType, newLabels);
    }
}
