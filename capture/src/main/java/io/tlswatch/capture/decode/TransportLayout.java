package io.tlswatch.capture.decode;

/**
 * Byte layouts of TCP (RFC 9293 3.1) and UDP (RFC 768) headers: offsets from the start of the
 * header, network byte order.
 *
 * <pre>
 * TCP:
 * |          Source Port          |       Destination Port        |  0
 * |                        Sequence Number                        |  4
 * |                    Acknowledgment Number                      |  8
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             | 12
 * |           Checksum            |         Urgent Pointer        | 16
 * |                    Options (Data Offset > 5)                  | 20
 *
 * UDP:
 * |          Source Port          |       Destination Port        |  0
 * |            Length             |           Checksum            |  4
 * </pre>
 */
final class TransportLayout {
    static final int SOURCE_PORT_OFFSET = 0;
    static final int DESTINATION_PORT_OFFSET = 2;

    static final int TCP_MIN_HEADER_LENGTH = 20;
    static final int TCP_SEQ_OFFSET = 4;
    static final int TCP_ACK_OFFSET = 8;
    static final int TCP_DATA_OFFSET_OFFSET = 12;
    static final int TCP_FLAGS_OFFSET = 13;
    static final int TCP_WINDOW_OFFSET = 14;

    static final int UDP_HEADER_LENGTH = 8;
    static final int UDP_LENGTH_OFFSET = 4;

    private TransportLayout() {
    }
}
