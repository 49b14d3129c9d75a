/**
 * Stable storage for a Raft node written against a tiny file port
 * ({@link io.tumbler.raft.storage.StorageFile}, {@link io.tumbler.raft.storage.StorageDirectory}), so the
 * same code runs on real files and on the simulator's disk: {@link io.tumbler.raft.storage.SegmentedLog}
 * is an append-only, segmented write-ahead log of CRC32C-framed records
 * ({@link io.tumbler.raft.storage.RecordFrame}) with double-buffered hard state and checksummed snapshot
 * files. Recovery cuts a torn tail and reports any other damage as a
 * {@link io.tumbler.raft.storage.CorruptLogException} naming file and offset.
 */
package io.tumbler.raft.storage;
