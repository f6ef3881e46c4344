/**
 * Portable values and their binary encoding. Public API.
 *
 * <p>A row is an {@code Object[]} in the order of {@link dev.ferry.core.model.Table#loadedColumns()}.
 * Each element is null or one of the <em>portable value types</em>:
 * <ul>
 *   <li>{@link java.lang.Boolean}</li>
 *   <li>{@link java.lang.Long} for every integer that fits 64 bits, {@link java.math.BigInteger} beyond
 *       (MariaDB unsigned bigint)</li>
 *   <li>{@link java.math.BigDecimal} for exact decimals (never through double)</li>
 *   <li>{@link java.lang.Float} (4-byte) and {@link java.lang.Double} (8-byte), NaN and infinities included</li>
 *   <li>{@link java.lang.String}, {@code byte[]}</li>
 *   <li>{@link java.time.LocalDate}, {@link java.time.LocalTime}, {@link java.time.LocalDateTime},
 *       {@link java.time.OffsetDateTime} (an instant: normalised to UTC), {@link java.time.OffsetTime};
 *       PostgreSQL's +/-infinity are the types' MAX/MIN, as PgJDBC reads them</li>
 *   <li>{@link java.util.UUID}, {@link Interval}, {@link Json}, {@link BitString}, {@link ArrayValue},
 *       and {@link NativeValue} for a type with no portable form</li>
 * </ul>
 * {@link ValueCodec} writes them in the archive's tagged binary form; {@link RowHasher} hashes their
 * canonical form, and {@link ContentHash} sums row hashes into an order-independent table proof.
 */
package dev.ferry.core.value;
