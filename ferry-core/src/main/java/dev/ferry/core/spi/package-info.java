/**
 * The dialect SPI: the small set of interfaces an engine implements so Ferry can back it up and
 * restore into it. Implementations are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.ferry.core.spi.Dialect}. Public API for dialect authors.
 *
 * <p>Contracts every dialect keeps:
 * <ul>
 *   <li>Rows are {@code Object[]} of the portable value types ({@link dev.ferry.core.value}) in the
 *       order of {@link dev.ferry.core.model.Table#loadedColumns()}.</li>
 *   <li>Reading the same row back from a same-engine restore yields values whose canonical encoding is
 *       identical, so content hashes match.</li>
 *   <li>SQL is built only from quoted identifiers ({@link Dialect#quote}) and bound parameters, never
 *       from inlined values.</li>
 *   <li>Driver exceptions may escape as {@link java.sql.SQLException}; the operations wrap them with
 *       context. A dialect throws {@link dev.ferry.core.error.FerryException} where it knows better.</li>
 * </ul>
 */
package dev.ferry.core.spi;
