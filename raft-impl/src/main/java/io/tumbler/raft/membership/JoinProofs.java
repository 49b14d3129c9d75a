package io.tumbler.raft.membership;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof of the rejoin handshake: HMAC-SHA256 keyed by the cluster secret over (cluster id, host id,
 * incarnation, nonce), each field length-delimited so no two tuples share an input. HMAC is a pure function of
 * its inputs, so it is as deterministic in simulation as in production. Stateless and thread-safe.
 */
public final class JoinProofs {
    private static final String ALGORITHM = "HmacSHA256";

    private JoinProofs() {
    }

    /** The proof a host holding {@code secret} sends for {@code nonce}; 32 bytes. */
    public static byte[] sign(byte[] secret, String clusterId, int hostId, long incarnation, long nonce) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the cluster secret must not be empty");
        }
        byte[] cluster = clusterId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(4 + cluster.length + 4 + 8 + 8);
        input.putInt(cluster.length).put(cluster).putInt(hostId).putLong(incarnation).putLong(nonce);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(input.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    /** True if {@code presented} is {@code expected}, compared in time independent of where they differ. */
    public static boolean matches(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }
}
