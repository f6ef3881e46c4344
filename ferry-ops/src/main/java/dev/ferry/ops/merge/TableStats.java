package dev.ferry.ops.merge;

/** Mutable counters of one table during a merge. Internal. */
final class TableStats {
    long archiveRows;
    long inserted;
    long matched;
    long rewritten;
    long fromTarget;
    long before;
    long after;
}
