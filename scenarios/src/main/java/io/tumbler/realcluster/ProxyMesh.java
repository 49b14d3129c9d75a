package io.tumbler.realcluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@link LinkProxy} per ordered pair of nodes, so that each direction of each peer link can be faulted on its
 * own: a partition cuts every link between the sides in both directions, a one-way fault cuts one direction, delay
 * and loss apply to every link. Network faults replace each other: each call starts from a healed network.
 */
final class ProxyMesh implements AutoCloseable {
    private final TreeMap<Long, LinkProxy> links = new TreeMap<>();
    private final List<Integer> nodes;

    private ProxyMesh(List<Integer> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Proxies for every ordered pair of {@code realPorts}' nodes, forwarding to those ports on 127.0.0.1. */
    static ProxyMesh start(Map<Integer, Integer> realPorts, long seed) throws IOException {
        ProxyMesh mesh = new ProxyMesh(new ArrayList<>(new TreeMap<>(realPorts).keySet()));
        try {
            for (int from : mesh.nodes) {
                for (int to : mesh.nodes) {
                    if (from != to) {
                        InetSocketAddress target = new InetSocketAddress("127.0.0.1", realPorts.get(to));
                        mesh.links.put(key(from, to), new LinkProxy(from, to, target, seed ^ key(from, to)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            mesh.close();
            throw e;
        }
        return mesh;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | to;
    }

    private LinkProxy link(int from, int to) {
        LinkProxy link = links.get(key(from, to));
        if (link == null) {
            throw new IllegalArgumentException("no link " + from + "->" + to + " among nodes " + nodes);
        }
        return link;
    }

    /** The port node {@code from} dials to reach node {@code to}. */
    int port(int from, int to) {
        return link(from, to).port();
    }

    /** Node {@code from}'s view of the cluster: itself at its real port, every peer at its proxy port. */
    TreeMap<Integer, Integer> portsSeenBy(int from, int ownPort) {
        TreeMap<Integer, Integer> ports = new TreeMap<>();
        for (int to : nodes) {
            ports.put(to, to == from ? ownPort : port(from, to));
        }
        return ports;
    }

    /** Cuts {@code from -> to} only (messages from {@code to} to {@code from} still flow). */
    void cutOneWay(int from, int to) {
        healAll();
        link(from, to).cut();
    }

    /** Cuts every link between the groups, both ways; links within a group keep working. */
    void partition(List<List<Integer>> groups) {
        healAll();
        for (List<Integer> a : groups) {
            for (List<Integer> b : groups) {
                if (a != b) {
                    for (int from : a) {
                        for (int to : b) {
                            link(from, to).cut();
                        }
                    }
                }
            }
        }
    }

    /** Delays every link by {@code millis}. */
    void delayAll(long millis) {
        healAll();
        links.values().forEach(l -> l.delay(millis));
    }

    /** Makes every link lossy at {@code rate} per forwarded chunk. */
    void lossAll(double rate) {
        healAll();
        links.values().forEach(l -> l.loss(rate));
    }

    /** Ends every network fault. */
    void healAll() {
        links.values().forEach(LinkProxy::heal);
    }

    /** Whether {@code from -> to} is cut now. */
    boolean isCut(int from, int to) {
        return link(from, to).isCut();
    }

    /** Every link's port, as {@code "from->to" -> port}, for run.json. */
    Map<String, Integer> ports() {
        Map<String, Integer> out = new TreeMap<>();
        links.forEach((k, l) -> out.put((k >>> 32) + "->" + (k & 0xFFFF_FFFFL), l.port()));
        return out;
    }

    @Override
    public void close() {
        links.values().forEach(LinkProxy::close);
    }
}
