package io.tumbler.sim.net;

import java.util.Arrays;

/**
 * The directed connectivity and clogging matrices of a network of nodes {@code 0..size-1}.
 *
 * <p>{@code blocked[from][to]} cuts the directed link from {@code from} to {@code to} (a one-way partition
 * when the reverse link stays open). A node's link to itself is never blocked. Clogging holds messages
 * instead of dropping them; a link is clogged when either end node is clogged or the link itself is.
 */
final class Connectivity {
    private boolean[][] blocked = new boolean[0][0];
    private boolean[][] cloggedLinks = new boolean[0][0];
    private boolean[] cloggedNodes = new boolean[0];
    private int size;

    int size() {
        return size;
    }

    void ensureSize(int nodeCount) {
        if (nodeCount <= size) {
            return;
        }
        blocked = grow(blocked, nodeCount);
        cloggedLinks = grow(cloggedLinks, nodeCount);
        cloggedNodes = Arrays.copyOf(cloggedNodes, nodeCount);
        size = nodeCount;
    }

    private static boolean[][] grow(boolean[][] matrix, int nodeCount) {
        boolean[][] bigger = new boolean[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            bigger[i] = i < matrix.length ? Arrays.copyOf(matrix[i], nodeCount) : new boolean[nodeCount];
        }
        return bigger;
    }

    boolean isBlocked(int from, int to) {
        return blocked[from][to];
    }

    void setBlocked(int from, int to, boolean value) {
        if (from == to) {
            throw new IllegalArgumentException("a node's link to itself cannot be blocked: " + from);
        }
        blocked[from][to] = value;
    }

    /** Blocks every link between different groups; a node in no group is cut off from everyone. */
    void partition(int[] groupOfNode) {
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                boolean sameGroup = groupOfNode[from] >= 0 && groupOfNode[from] == groupOfNode[to];
                blocked[from][to] = from != to && !sameGroup;
            }
        }
    }

    void isolate(int node) {
        for (int other = 0; other < size; other++) {
            if (other != node) {
                blocked[node][other] = true;
                blocked[other][node] = true;
            }
        }
    }

    void heal() {
        for (boolean[] row : blocked) {
            Arrays.fill(row, false);
        }
    }

    int blockedLinkCount() {
        int count = 0;
        for (boolean[] row : blocked) {
            for (boolean cut : row) {
                count += cut ? 1 : 0;
            }
        }
        return count;
    }

    boolean isClogged(int from, int to) {
        return cloggedNodes[from] || cloggedNodes[to] || cloggedLinks[from][to];
    }

    void setNodeClogged(int node, boolean value) {
        cloggedNodes[node] = value;
    }

    void setLinkClogged(int from, int to, boolean value) {
        cloggedLinks[from][to] = value;
    }

    void unclogAll() {
        Arrays.fill(cloggedNodes, false);
        for (boolean[] row : cloggedLinks) {
            Arrays.fill(row, false);
        }
    }
}
