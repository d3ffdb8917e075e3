package io.tlswatch.analyzer.tls;

/**
 * Reads the plaintext records that carry neither handshake nor data, raising their events:
 * alerts (RFC 5246 §7.2, RFC 8446 §6: level and description, two bytes each) and heartbeats
 * (RFC 6520 §4: type, payload_length, payload, at least 16 bytes of padding).
 */
final class ControlRecords {
    private static final int ALERT_LENGTH = 2;
    private static final int HEARTBEAT_HEADER = 3;
    private static final int HEARTBEAT_MIN_PADDING = 16;

    private ControlRecords() {
    }

    /** Every alert of a plaintext alert record; an odd trailing byte is named, not read. */
    static void alerts(byte[] buf, int off, int length, TlsEventListener listener, boolean fromClient) {
        if (length % ALERT_LENGTH != 0) {
            listener.onAnomaly(TlsAnomaly.BAD_ALERT, "length " + length, fromClient);
        }
        for (int i = off; i + 1 < off + length; i += ALERT_LENGTH) {
            listener.onAlert(buf[i] & 0xff, buf[i + 1] & 0xff, false, fromClient);
        }
    }

    /** A plaintext heartbeat; one whose payload_length overruns the record is the Heartbleed shape. */
    static void heartbeat(byte[] buf, int off, int length, TlsEventListener listener, boolean fromClient) {
        if (length < HEARTBEAT_HEADER) {
            listener.onHeartbeat(-1, -1, length, false, fromClient);
            listener.onAnomaly(TlsAnomaly.HEARTBEAT_PAYLOAD_OVERRUN, "record of " + length + " bytes", fromClient);
            return;
        }
        int messageType = buf[off] & 0xff;
        int payloadLength = (buf[off + 1] & 0xff) << 8 | buf[off + 2] & 0xff;
        listener.onHeartbeat(messageType, payloadLength, length, false, fromClient);
        if (HEARTBEAT_HEADER + payloadLength + HEARTBEAT_MIN_PADDING > length) {
            listener.onAnomaly(TlsAnomaly.HEARTBEAT_PAYLOAD_OVERRUN,
                    "payload_length " + payloadLength + " in a record of " + length, fromClient);
        }
    }
}
