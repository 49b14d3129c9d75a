/**
 * Production adapters, the only Raft package allowed threads and real time: files through NIO with
 * fsync ({@link io.tumbler.raft.runtime.NioStorageDirectory}), a TCP transport with bounded queues and
 * reconnect ({@link io.tumbler.raft.runtime.TcpTransport}), a scheduled ticker, and
 * {@link io.tumbler.raft.runtime.RaftServer}, which runs a node on one thread and serves peers and clients
 * on one port ({@link io.tumbler.raft.runtime.RaftClient}, {@link io.tumbler.raft.runtime.RaftServerMain}).
 */
package io.tumbler.raft.runtime;
