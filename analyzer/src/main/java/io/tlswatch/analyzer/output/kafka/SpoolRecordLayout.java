package io.tlswatch.analyzer.output.kafka;

/**
 * The bytes of one record in a spool segment, and nothing else. A segment is records back to back;
 * a record is an 8-byte header and a body. The header's CRC covers the body, so a record that a
 * crash cut short, or whose bytes rotted, is told from a whole one.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 body length (int32, big-endian)               |  0
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of the body (int32)                    |  4
 *  +-------------------------------+-------------------------------+
 *  |  topic length (uint16)        |  topic (UTF-8) ...            |  8
 *  +-------------------------------+-------------------------------+
 *  |  key length (int32, -1: no key)  |  key ...                   |
 *  +---------------------------------------------------------------+
 *  |  value: the rest of the body ...                              |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class SpoolRecordLayout {
    /** Offset of the body length in the header. */
    static final int LENGTH_OFFSET = 0;
    /** Offset of the body's CRC32C in the header. */
    static final int CRC_OFFSET = 4;
    /** Bytes before the body. */
    static final int HEADER_LENGTH = 8;
    /** Bytes of the body's fixed fields: topic length and key length. */
    static final int BODY_FIXED_LENGTH = 2 + 4;
    /** Largest body accepted on write and trusted on read (a document is a few kB). */
    static final int MAX_BODY_LENGTH = 16 << 20;
    /** Longest topic name Kafka allows. */
    static final int MAX_TOPIC_LENGTH = 249;

    private SpoolRecordLayout() {
    }

    /** Bytes of a whole record with these field lengths. */
    static long recordLength(int topicLength, int keyLength, int valueLength) {
        return HEADER_LENGTH + (long) BODY_FIXED_LENGTH + topicLength + Math.max(0, keyLength) + valueLength;
    }
}
