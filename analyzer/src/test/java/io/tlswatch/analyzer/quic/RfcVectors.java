package io.tlswatch.analyzer.quic;

import io.tlswatch.testkit.Hex;
import java.util.Arrays;

/**
 * The client Initial of RFC 9001 Appendix A.2 and RFC 9369 Appendix A.2: the same 1162-byte
 * payload (a CRYPTO frame with a ClientHello, then PADDING), DCID 0x8394c8f03e515708, packet
 * number 2, protected for version 1 and version 2; and the server Initial of Appendix A.3 of each
 * that answers it: an ACK and a CRYPTO frame with the ServerHello, from SCID 0xf067a5502a4262b5,
 * packet number 1, protected with the server keys of the same DCID. Typed in from the RFC texts.
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

    /** The server's connection ID in A.3 (the client's is empty). */
    static final byte[] SERVER_SCID = Hex.bytes("f067a5502a4262b5");
    static final int SERVER_PACKET_NUMBER = 1;

    /** The 99-byte payload of A.3: an ACK frame, then a CRYPTO frame with the ServerHello. */
    static final byte[] SERVER_FRAMES = Hex.bytes("""
            02 00 00 00 00                              // ACK: largest 0, no delay, 0 ranges, first 0
            06 00 405a                                  // CRYPTO, offset 0, length 90
            02000056 0303                               // server_hello, 86 bytes; legacy_version
            eefce7f7b37ba1d1632e96677825ddf73988cfc79825df566dc5430b9a045a12  // random
            00 1301 00                                  // no session id; TLS_AES_128_GCM_SHA256; null
            002e                                        // extensions, 46 bytes
            0033 0024 001d00209d3c940d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a  // x25519
            002b 0002 0304                              // supported_versions: TLS 1.3
            """);

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

    /** The ServerHello handshake message inside A.3's CRYPTO frame (header included). */
    static byte[] serverHelloMessage() {
        return Arrays.copyOfRange(SERVER_FRAMES, 9, SERVER_FRAMES.length);
    }

    /** RFC 9001 A.3's protected server Initial, 135 bytes. */
    static byte[] v1ServerPacket() {
        return Hex.bytes(QuicTestResources.text("rfc9001-server-initial.hex"));
    }

    /** RFC 9369 A.3's protected server Initial, 135 bytes. */
    static byte[] v2ServerPacket() {
        return Hex.bytes(QuicTestResources.text("rfc9369-server-initial.hex"));
    }
}
