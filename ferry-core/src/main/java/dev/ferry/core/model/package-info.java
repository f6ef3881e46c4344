/**
 * The portable schema model: immutable records describing tables, columns, types, keys, indexes,
 * sequences, enums and views of any engine. Public API. Each record keeps the engine's native
 * spelling next to the portable description, so a same-engine restore is exact and a
 * cross-engine restore has what it needs to translate.
 */
package dev.ferry.core.model;
