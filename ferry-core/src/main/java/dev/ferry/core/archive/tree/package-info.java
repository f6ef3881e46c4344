/**
 * Directory trees and secret files stored in an archive beside the database: writing them at backup
 * (index of paths with size, mode, time and SHA-256, contents in compressed parts), checking them
 * ({@link dev.ferry.core.archive.tree.TreeReader}, with the path-safety rules of
 * {@link dev.ferry.core.archive.tree.TreeRules}), and restoring them all or nothing: staged under
 * temporary names, then moved into place, rolled back on failure. No JDBC. Public API; the format is
 * in docs/ARCHIVE-FORMAT.md ("Files").
 */
package dev.ferry.core.archive.tree;
