package io.tumbler.realcluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The peer-link proxy on loopback, against a real listening socket standing in for a node: it forwards bytes,
 * a cut drops the open connection and refuses new ones until healed, a delay holds bytes back at least that
 * long, and the mesh cuts exactly the directions a fault names.
 */
@Timeout(30)
class LinkProxyTest {
    private final ServerSocket node = listen();
    private LinkProxy proxy;

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        node.close();
    }

    private LinkProxy proxy() throws IOException {
        proxy = new LinkProxy(1, 2, new InetSocketAddress("127.0.0.1", node.getLocalPort()), 7);
        return proxy;
    }

    private Socket dial(LinkProxy link) throws IOException {
        Socket s = new Socket("127.0.0.1", link.port());
        s.setSoTimeout(5_000);
        return s;
    }

    /** Accepts the proxy's outbound connection, or null if none arrives within {@code millis}. */
    private Socket acceptWithin(int millis) throws IOException {
        node.setSoTimeout(millis);
        try {
            Socket s = node.accept();
            s.setSoTimeout(5_000);
            return s;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        return in.readNBytes(n);
    }

    @Test
    void forwardsBytesToTheNode() throws IOException {
        LinkProxy link = proxy();
        try (Socket sender = dial(link); OutputStream out = sender.getOutputStream()) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try (Socket received = acceptWithin(5_000)) {
                assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), readExactly(received.getInputStream(), 5));
            }
        }
    }

    @Test
    void aCutDropsTheOpenConnectionAndRefusesNewOnesUntilHealed() throws IOException {
        LinkProxy link = proxy();
        Socket sender = dial(link);
        sender.getOutputStream().write(1);
        Socket received = acceptWithin(5_000);
        assertEquals(1, received.getInputStream().read());

        link.cut();
        assertEquals(-1, received.getInputStream().read(), "the node sees the connection end");
        assertEquals(-1, sender.getInputStream().read(), "the sender sees the connection end");
        try (Socket refused = dial(link)) {
            assertEquals(-1, refused.getInputStream().read(), "a new connection is closed at once");
        }
        assertNull(acceptWithin(300), "nothing reaches the node while the link is cut");
        assertTrue(link.isCut());

        link.heal();
        assertFalse(link.isCut());
        try (Socket again = dial(link)) {
            again.getOutputStream().write(42);
            try (Socket arrived = acceptWithin(5_000)) {
                assertEquals(42, arrived.getInputStream().read());
            }
        }
        sender.close();
        received.close();
    }

    @Test
    void aDelayHoldsBytesBackAtLeastThatLong() throws IOException {
        LinkProxy link = proxy();
        link.delay(400);
        try (Socket sender = dial(link)) {
            long sentNanos = System.nanoTime();
            sender.getOutputStream().write(7);
            try (Socket received = acceptWithin(5_000)) {
                assertEquals(7, received.getInputStream().read());
                long heldMillis = (System.nanoTime() - sentNanos) / 1_000_000;
                assertTrue(heldMillis >= 390, "delivered after " + heldMillis + " ms, expected at least 400");
            }
        }
    }

    @Test
    void fullLossDropsTheConnectionAfterTheFirstChunkAndHealingEndsIt() throws IOException {
        LinkProxy link = proxy();
        link.loss(1.0);
        try (Socket sender = dial(link)) {
            sender.getOutputStream().write(9);
            try (Socket received = acceptWithin(5_000)) {
                received.getInputStream().read(); // the chunk may or may not be written before the drop
                assertEquals(-1, received.getInputStream().read(), "the connection was dropped");
            }
        }
        link.heal();
        try (Socket sender = dial(link)) {
            sender.getOutputStream().write(new byte[] {1, 2});
            try (Socket received = acceptWithin(5_000)) {
                assertArrayEquals(new byte[] {1, 2}, readExactly(received.getInputStream(), 2));
            }
        }
    }

    @Test
    void theMeshCutsExactlyTheNamedDirections() throws IOException {
        try (ServerSocket two = listen(); ServerSocket three = listen();
                ProxyMesh mesh = ProxyMesh.start(new TreeMap<>(Map.of(1, node.getLocalPort(), 2, two.getLocalPort(),
                        3, three.getLocalPort())), 1)) {
            mesh.cutOneWay(1, 2);
            assertTrue(mesh.isCut(1, 2));
            assertFalse(mesh.isCut(2, 1));
            assertFalse(mesh.isCut(1, 3));

            mesh.partition(List.of(List.of(3), List.of(1, 2)));
            assertFalse(mesh.isCut(1, 2), "a new network fault replaces the last one");
            assertTrue(mesh.isCut(3, 1) && mesh.isCut(1, 3) && mesh.isCut(3, 2) && mesh.isCut(2, 3));
            assertFalse(mesh.isCut(2, 1));

            mesh.healAll();
            assertFalse(mesh.isCut(3, 1));
            assertEquals(Map.of(1, node.getLocalPort(), 2, mesh.port(1, 2), 3, mesh.port(1, 3)),
                    mesh.portsSeenBy(1, node.getLocalPort()));
        }
    }
}
