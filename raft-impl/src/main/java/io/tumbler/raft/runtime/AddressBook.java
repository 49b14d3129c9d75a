package io.tumbler.raft.runtime;

import java.net.InetSocketAddress;
import java.util.TreeMap;

/**
 * The static address book of a cluster, {@code 1=host:port,2=host:port,...}: every node id a server may ever talk
 * to, the bootstrap voters and the ids provisioned for hosts that may join later. Servers and {@link RaftAdmin}
 * read the same spelling.
 */
final class AddressBook {
    private AddressBook() {}

    /** Parses {@code spec}; a malformed entry throws {@link IllegalArgumentException} naming it. */
    static TreeMap<Integer, InetSocketAddress> parse(String spec) {
        TreeMap<Integer, InetSocketAddress> addresses = new TreeMap<>();
        for (String part : spec.split(",")) {
            String[] idAndAddress = part.split("=", 2);
            if (idAndAddress.length != 2) {
                throw new IllegalArgumentException("peer '" + part + "' is not id=host:port");
            }
            int id = Integer.parseInt(idAndAddress[0].trim());
            if (id <= 0 || addresses.put(id, address(idAndAddress[1])) != null) {
                throw new IllegalArgumentException("peer id " + id + " must be positive and listed once");
            }
        }
        return addresses;
    }

    /** Parses {@code host:port}. */
    static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + hostAndPort + "' is not host:port");
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon).trim(),
                Integer.parseInt(hostAndPort.substring(colon + 1).trim()));
    }
}
