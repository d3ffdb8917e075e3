package io.tlswatch.analyzer.pipeline;

/**
 * The records the reader writes into a worker's ring (an Agrona {@code OneToOneRingBuffer}); the
 * ring adds its own header (length, type) in front of each.
 *
 * <pre>
 *  PACKET (type 1)                                  TICK (type 2)          END (type 3)
 *  0                8               16      20      0
 * +----------------+----------------+-------+-------+  +----------------+  (no payload)
 * | clock (long)   | timestamp      | link  | iface |  | clock (long)   |
 * +----------------+----------------+-------+-------+  +----------------+
 * | original length (int) | captured bytes ...
 * +-----------------------+-------------------------
 *  24                     28
 * </pre>
 * The clock is the reader's monotonic packet time (the largest timestamp so far): flows expire and
 * sessions are ordered by it, so every worker count sees the same times. A TICK carries the clock to
 * workers that got no packet lately, so their flows expire and their watermark advances.
 */
final class PacketRecordLayout {
    static final int PACKET = 1;
    static final int TICK = 2;
    static final int END = 3;

    static final int CLOCK_OFFSET = 0;
    static final int TIMESTAMP_OFFSET = 8;
    static final int LINK_TYPE_OFFSET = 16;
    static final int INTERFACE_OFFSET = 20;
    static final int ORIGINAL_LENGTH_OFFSET = 24;
    static final int HEADER_LENGTH = 28;
    static final int TICK_LENGTH = 8;

    private PacketRecordLayout() {
    }
}
