/**
 * The Ferry archive: a directory holding {@code manifest.json}, {@code schema.json} and zstd-compressed
 * row chunks under {@code data/}, each file with a SHA-256 in the manifest. Written into a hidden
 * temporary directory and renamed into place only when complete, so nothing that looks like an
 * archive exists until one does. No JDBC here. Public API; the format is specified in
 * docs/ARCHIVE-FORMAT.md.
 */
package dev.ferry.core.archive;
