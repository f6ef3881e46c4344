/**
 * Cross-engine translation: turning a schema of one engine into the schema to create in another
 * ({@link dev.ferry.core.translate.SchemaTranslator}, guided by each target's
 * {@link dev.ferry.core.translate.TargetRules}), and rows into the target's representation with the
 * hashes of both halves of the proof ({@link dev.ferry.core.translate.RowConverter}). Every difference
 * from the source is a {@link dev.ferry.core.translate.Change} the user sees. The rules are documented
 * in docs/TYPE-MAPPING.md. Public API; {@code TargetRules} is implemented by dialects.
 */
package dev.ferry.core.translate;
