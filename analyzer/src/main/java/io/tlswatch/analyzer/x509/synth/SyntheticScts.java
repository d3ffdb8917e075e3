package io.tlswatch.analyzer.x509.synth;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * A SignedCertificateTimestampList as a public CA embeds it in a leaf (RFC 6962 section 3.3): two
 * version 1 SCTs of made-up logs, each with an ECDSA signature of the right shape (a DER SEQUENCE of
 * two 32-byte INTEGERs) that nobody can verify. What counts for a sensor is that the leaf carries
 * SCTs, and that the list is as long as a real one.
 */
final class SyntheticScts {
    private static final int SCTS = 2;
    private static final int LOG_ID_LENGTH = 32;
    private static final int HASH_SHA256 = 4;
    private static final int SIGNATURE_ECDSA = 3;
    private static final int INTEGER_LENGTH = 32;
    /** SEQUENCE { INTEGER r, INTEGER s }, both 32 bytes with their high bit clear. */
    private static final int SIGNATURE_LENGTH = 2 + 2 * (2 + INTEGER_LENGTH);
    /** version, log id, timestamp, extensions length, hash and signature algorithms, signature length, signature. */
    private static final int SCT_LENGTH = 1 + LOG_ID_LENGTH + 8 + 2 + 2 + 2 + SIGNATURE_LENGTH;

    private SyntheticScts() {
    }

    /** The TLS-encoded list, its SCTs timestamped a few minutes before {@code issued}. */
    static byte[] list(RandomGenerator random, Instant issued) {
        ByteBuffer b = ByteBuffer.allocate(2 + SCTS * (2 + SCT_LENGTH));
        b.putShort((short) (SCTS * (2 + SCT_LENGTH)));
        for (int i = 0; i < SCTS; i++) {
            b.putShort((short) SCT_LENGTH);
            b.put((byte) 0);                                   // v1
            b.put(bytes(random, LOG_ID_LENGTH));
            b.putLong(issued.toEpochMilli() - random.nextInt(600_000));
            b.putShort((short) 0);                             // no CtExtensions
            b.put((byte) HASH_SHA256).put((byte) SIGNATURE_ECDSA);
            b.putShort((short) SIGNATURE_LENGTH);
            b.put((byte) 0x30).put((byte) (SIGNATURE_LENGTH - 2));
            for (int part = 0; part < 2; part++) {
                byte[] integer = bytes(random, INTEGER_LENGTH);
                integer[0] = (byte) (integer[0] & 0x7f | 0x01);
                b.put((byte) 0x02).put((byte) INTEGER_LENGTH).put(integer);
            }
        }
        return b.array();
    }

    private static byte[] bytes(RandomGenerator random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
