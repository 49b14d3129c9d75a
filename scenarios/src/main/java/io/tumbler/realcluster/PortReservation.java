package io.tumbler.realcluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Free loopback ports for nodes 1..n, held open until {@link #close} so that nothing else started meanwhile (the
 * proxies) is given one of them. The servers bind them after the reservation is closed (with SO_REUSEADDR).
 */
final class PortReservation implements AutoCloseable {
    private final List<ServerSocket> held;
    private final TreeMap<Integer, Integer> ports;

    private PortReservation(List<ServerSocket> held, TreeMap<Integer, Integer> ports) {
        this.held = held;
        this.ports = ports;
    }

    static PortReservation of(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        TreeMap<Integer, Integer> ports = new TreeMap<>();
        try {
            for (int id = 1; id <= n; id++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports.put(id, s.getLocalPort());
            }
        } catch (IOException e) {
            new PortReservation(held, ports).close();
            throw e;
        }
        return new PortReservation(held, ports);
    }

    /** Node id to port. */
    TreeMap<Integer, Integer> ports() {
        return new TreeMap<>(ports);
    }

    @Override
    public void close() {
        for (ServerSocket s : held) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Releasing a port we only held: nothing to do.
            }
        }
    }
}
