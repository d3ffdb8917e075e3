package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** Retry integrity tags (RFC 9001 §5.8, RFC 9369 §3.3.3) against the Retries of both Appendix A.4. */
class RetryIntegrityTest {
    private static final byte[] V1_RETRY = Hex.bytes("ff000000010008f067a5502a4262b574 6f6b656e04a265ba2eff4d82"
            + "9058fb3f 0f2496ba");
    private static final byte[] V2_RETRY = Hex.bytes("cf6b3343cf0008f067a5502a4262b574 6f6b656ec8646ce8bfe33952"
            + "d9555436 65dcc7b6");

    private final RetryIntegrity integrity = new RetryIntegrity();

    @Test
    void theRfcRetriesVerifyAgainstTheClientsFirstDcid() {
        assertEquals(RetryIntegrity.VERIFIED, verify(V1_RETRY, RfcVectors.DCID));
        assertEquals(RetryIntegrity.VERIFIED, verify(V2_RETRY, RfcVectors.DCID));
    }

    @Test
    void anotherOriginalDcidDoesNotVerify() {
        assertEquals(RetryIntegrity.INVALID, verify(V1_RETRY, Hex.bytes("8394c8f03e515709")));
        assertEquals(RetryIntegrity.INVALID, verify(V1_RETRY, new byte[0]));
    }

    @Test
    void everyOneByteChangeFailsTheTag() {
        for (byte[] retry : new byte[][] {V1_RETRY, V2_RETRY}) {
            for (int i = 0; i < retry.length; i++) {
                byte[] broken = retry.clone();
                broken[i] ^= 0x01;
                QuicPacketHeader h = new QuicPacketHeader();
                if (h.parse(broken, 0, broken.length) && h.type() == QuicPacketType.RETRY) {
                    assertEquals(RetryIntegrity.INVALID, integrity.verify(h, broken, RfcVectors.DCID), "byte " + i);
                }
            }
        }
    }

    @Test
    void draftRetriesHaveNoKeyToCheckWith() {
        byte[] draft = Hex.bytes("ff ff00001d 00 08 f067a5502a4262b5 746f6b656e 00000000000000000000000000000000");

        assertEquals(RetryIntegrity.NO_KEY, verify(draft, RfcVectors.DCID));
    }

    private int verify(byte[] retry, byte[] odcid) {
        QuicPacketHeader h = new QuicPacketHeader();
        assertTrue(h.parse(retry, 0, retry.length));
        return integrity.verify(h, retry, odcid);
    }
}
