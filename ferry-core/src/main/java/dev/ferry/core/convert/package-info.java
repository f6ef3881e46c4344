/**
 * Moving values between representations, exactly: the text forms of every portable value
 * ({@link dev.ferry.core.convert.TextForms}, parsed back by {@link dev.ferry.core.convert.TextParsing}),
 * JSON forms ({@link dev.ferry.core.convert.JsonForms}), and conversion into the standard
 * representation of a {@link dev.ferry.core.model.TypeKind} ({@link dev.ferry.core.convert.Conversions}),
 * which cross-engine restores, transfers and comparisons use on both sides of a proof. Public API.
 */
package dev.ferry.core.convert;
