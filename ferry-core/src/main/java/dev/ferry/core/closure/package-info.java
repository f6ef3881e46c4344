/**
 * Partial exports: the rows a backup takes when given {@code --root "<table>:<condition>"}. Public API.
 *
 * <p>{@link dev.ferry.core.closure.RootCondition} parses a root's condition against its table's
 * columns (column names, literals, comparisons, AND/OR/NOT, IN, IS NULL and nothing else): the text is
 * never sent to the database, it is evaluated by Ferry over the rows read in the backup's snapshot.
 * {@link dev.ferry.core.closure.Closure} computes the dependency closure of the roots with key sets
 * per table; see docs/MERGE.md for the rules and the memory bound.
 */
package dev.ferry.core.closure;
