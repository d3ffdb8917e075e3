package io.tlswatch.analyzer.quic;

import io.tlswatch.testkit.Hex;

/**
 * The client Initial of RFC 9001 Appendix A.2 and RFC 9369 Appendix A.2: the same 1162-byte
 * payload (a CRYPTO frame with a ClientHello, then PADDING), DCID 0x8394c8f03e515708, packet
 * number 2, protected for version 1 and version 2. Typed in from the RFC texts.
 */
final class RfcVectors {
    static final byte[] DCID = Hex.bytes("8394c8f03e515708");
    static final int PACKET_NUMBER = 2;
    static final int PAYLOAD_LENGTH = 1162;

    /** The CRYPTO frame that starts the payload: type 06, offset 0, length 0x00f1, ClientHello. */
    static final byte[] CRYPTO_FRAME = Hex.bytes("""
            06 00 40f1                                  // CRYPTO, offset 0, length 241
            010000ed 0303                               // client_hello, 237 bytes; legacy_version
            ebf8fa56f12939b9584a3896472ec40bb863cfd3e86804fe3a47f06a2b69484c  // random
            00 0004 13011302 01 00                      // no session id; 2 suites; null compression
            00c0                                        // extensions, 192 bytes
            0000 0010 000e00000b6578616d706c652e636f6d  // server_name example.com
            ff01 0001 00                                // renegotiation_info
            000a 0008 0006001d00170018                  // supported_groups
            0010 0007 000504616c706e                    // ALPN "alpn"
            0005 0005 0100000000                        // status_request
            0033 0026 0024001d00209370b2c9caa47fbabaf4559fedba753de171fa71f50f1ce15d43e994ec74d748
            002b 0003 020304                            // supported_versions TLS 1.3
            000d 0010 000e04030503060302030804080508 06 // signature_algorithms
            002d 0002 0101                              // psk_key_exchange_modes
            001c 0002 4001                              // record_size_limit
            0039 0032 0408ffffffffffffffff 05048000ffff 07048000ffff 0801 10 01048000 7530
                 0901 10 0f088394c8f03e515708 06048000ffff  // quic_transport_parameters
            """);

    /** The header before protection, RFC 9001 A.2: c3, version 1, DCID, no SCID, no token, Length 1182, pn 2. */
    static final byte[] V1_UNPROTECTED_HEADER = Hex.bytes("c300000001088394c8f03e5157080000449e00000002");
    /** The same for version 2, RFC 9369 A.2 (Initial is type 1). */
    static final byte[] V2_UNPROTECTED_HEADER = Hex.bytes("d36b3343cf088394c8f03e5157080000449e00000002");

    private RfcVectors() {
    }

    /** The 1162-byte unprotected payload: the CRYPTO frame, then PADDING. */
    static byte[] payload() {
        byte[] out = new byte[PAYLOAD_LENGTH];
        System.arraycopy(CRYPTO_FRAME, 0, out, 0, CRYPTO_FRAME.length);
        return out;
    }

    /** The ClientHello handshake message inside the CRYPTO frame (header included). */
    static byte[] clientHelloMessage() {
        byte[] out = new byte[CRYPTO_FRAME.length - 4];
        System.arraycopy(CRYPTO_FRAME, 4, out, 0, out.length);
        return out;
    }

    /** RFC 9001 A.2's protected packet, 1200 bytes. */
    static byte[] v1Packet() {
        return Hex.bytes(QuicTestResources.text("rfc9001-client-initial.hex"));
    }

    /** RFC 9369 A.2's protected packet, 1200 bytes. */
    static byte[] v2Packet() {
        return Hex.bytes(QuicTestResources.text("rfc9369-client-initial.hex"));
    }
}
