/**
 * JMH micro-benchmarks of the hot paths of a backup and a restore, each on rows shaped like the
 * benchmark dataset's ({@link dev.ferry.bench.jmh.SampleRows}): value encoding and decoding, the
 * per-row content hash, zstd compression and the SHA-256 of chunk files, and the whole chunk-writing
 * pipeline. Run: {@code java -jar ferry-bench/target/ferry-bench.jar} (see bench/README.md).
 */
package dev.ferry.bench.jmh;
