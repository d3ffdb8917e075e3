package io.tlswatch.analyzer.output.kafka;

import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.BODY_FIXED_LENGTH;
import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.CRC_OFFSET;
import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.HEADER_LENGTH;
import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.LENGTH_OFFSET;
import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.MAX_BODY_LENGTH;
import static io.tlswatch.analyzer.output.kafka.SpoolRecordLayout.MAX_TOPIC_LENGTH;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Spool records to bytes and back ({@link SpoolRecordLayout}); pure functions, no I/O. Reading
 * trusts no length: a record whose header or body runs past the bytes, whose lengths are out of
 * bounds, or whose CRC does not match ends the segment as a corrupt tail.
 */
final class SpoolCodec {
    private SpoolCodec() {
    }

    /** What {@link #decode} found in a segment's bytes. */
    record Decoded(List<SpoolRecord> records, int validBytes, boolean corruptTail) {
    }

    /** The record's bytes, or null when it is larger than a spool record may be. */
    static ByteBuffer encode(String topic, byte[] key, byte[] value) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        int keyLength = key == null ? -1 : key.length;
        long total = SpoolRecordLayout.recordLength(t.length, keyLength, value.length);
        if (t.length > MAX_TOPIC_LENGTH || total - HEADER_LENGTH > MAX_BODY_LENGTH) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) total);
        b.position(HEADER_LENGTH);
        b.putShort((short) t.length).put(t).putInt(keyLength);
        if (key != null) {
            b.put(key);
        }
        b.put(value);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), HEADER_LENGTH, (int) total - HEADER_LENGTH);
        b.putInt(LENGTH_OFFSET, (int) total - HEADER_LENGTH);
        b.putInt(CRC_OFFSET, (int) crc.getValue());
        b.flip();
        return b;
    }

    /** Every whole record from the start of a segment, up to the first damaged one. */
    static Decoded decode(byte[] bytes) {
        List<SpoolRecord> records = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int pos = 0;
        CRC32C crc = new CRC32C();
        while (pos < bytes.length) {
            if (pos + (long) HEADER_LENGTH > bytes.length) {
                return new Decoded(records, pos, true);
            }
            int bodyLength = b.getInt(pos + LENGTH_OFFSET);
            int body = pos + HEADER_LENGTH;
            if (bodyLength < BODY_FIXED_LENGTH || bodyLength > MAX_BODY_LENGTH
                    || body + (long) bodyLength > bytes.length) {
                return new Decoded(records, pos, true);
            }
            crc.reset();
            crc.update(bytes, body, bodyLength);
            if ((int) crc.getValue() != b.getInt(pos + CRC_OFFSET)) {
                return new Decoded(records, pos, true);
            }
            SpoolRecord record = body(b, body, bodyLength);
            if (record == null) {
                return new Decoded(records, pos, true);
            }
            records.add(record);
            pos = body + bodyLength;
        }
        return new Decoded(records, pos, false);
    }

    /** The fields of a body whose CRC matched; null if its inner lengths do not add up. */
    private static SpoolRecord body(ByteBuffer b, int start, int length) {
        int end = start + length;
        int topicLength = Short.toUnsignedInt(b.getShort(start));
        int keyAt = start + 2 + topicLength;
        if (topicLength > MAX_TOPIC_LENGTH || keyAt + 4L > end) {
            return null;
        }
        int keyLength = b.getInt(keyAt);
        int valueAt = keyAt + 4 + Math.max(0, keyLength);
        if (keyLength < -1 || keyAt + 4L + Math.max(0, keyLength) > end) {
            return null;
        }
        String topic = new String(b.array(), start + 2, topicLength, StandardCharsets.UTF_8);
        byte[] key = null;
        if (keyLength >= 0) {
            key = new byte[keyLength];
            b.get(keyAt + 4, key);
        }
        byte[] value = new byte[end - valueAt];
        b.get(valueAt, value);
        return new SpoolRecord(topic, key, value);
    }
}
