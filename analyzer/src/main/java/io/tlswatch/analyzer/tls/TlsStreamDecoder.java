package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.TlsRecordLayout.ALERT;
import static io.tlswatch.analyzer.tls.TlsRecordLayout.APPLICATION_DATA;
import static io.tlswatch.analyzer.tls.TlsRecordLayout.CHANGE_CIPHER_SPEC;
import static io.tlswatch.analyzer.tls.TlsRecordLayout.HANDSHAKE;
import static io.tlswatch.analyzer.tls.TlsRecordLayout.HEADER_LENGTH;
import static io.tlswatch.analyzer.tls.TlsRecordLayout.HEARTBEAT;

import java.util.Objects;

/**
 * One direction of a TLS connection: frames records, reassembles handshake messages and raises
 * {@link TlsEventListener} events. TCP reassembly feeds it the contiguous stream bytes of that
 * direction in order; it never throws on what the bytes say and allocates nothing per record
 * (hellos and certificates, once per handshake, become small value objects).
 *
 * <h2>The feed contract</h2>
 * {@link #feed} is offered the bytes that follow everything it consumed so far, and returns how
 * many it consumed:
 * <ul>
 * <li>It consumes whole records only. A record it must read (handshake, alert, change_cipher_spec,
 * heartbeat, in plaintext) that is not complete yet is left, and the caller offers it again with
 * more bytes appended. A record is at most {@link TlsRecordLayout#MAX_RECORD_BYTES} long, which is
 * what the caller must be able to hold.</li>
 * <li>It may return more than {@code len}: once it has seen the header of a record whose body it
 * does not need (application data, anything encrypted), it counts the whole record as consumed;
 * the caller then discards the next {@code returned - len} bytes of the stream as they arrive.</li>
 * <li>In {@link TlsDirectionState#NOT_TLS} and {@link TlsDirectionState#FAILED} it consumes
 * everything offered (returns {@code len}) and raises nothing more: the caller keeps no bytes
 * and may put the flow into bypass.</li>
 * </ul>
 *
 * <h2>Detection and encryption</h2>
 * The first bytes decide, through {@link TlsDetector}, between TLS (a record header, or an SSL
 * 2.0-compatible ClientHello) and {@link TlsDirectionState#NOT_TLS}, reported once by
 * {@link TlsEventListener#onNotTls} with the bytes named. STARTTLS and other upgrades reset the
 * decoder at the right stream offset: {@link #reset()} is cheap and keeps the buffers.
 * After this direction's ChangeCipherSpec in TLS 1.2 and below, handshake, alert and heartbeat
 * records are encrypted and only reported by length; in TLS 1.3 protected records are all type
 * 23 and a ServerHello that selects TLS 1.3 moves the server direction to ENCRYPTED. Two plaintext
 * shapes survive a ChangeCipherSpec: a two-byte alert (too short to be protected) and, from a
 * client that offered TLS 1.3, a ClientHello after its compatibility ChangeCipherSpec (the second
 * hello after a HelloRetryRequest, RFC 8446 Appendix D.4).
 */
public final class TlsStreamDecoder {
    /** The smallest ClientHello body: version, random, three empty-ish vectors. */
    private static final int MIN_CLIENT_HELLO_BODY = 2 + HandshakeLayout.RANDOM_LENGTH + 1 + 4 + 2;

    private final boolean fromClient;
    private final TlsEventListener listener;
    private final HandshakeAssembler handshake;
    private final HandshakeRouter router;
    private TlsDirectionState state = TlsDirectionState.DETECTING;
    /** This direction sent ChangeCipherSpec under TLS 1.2 rules: its 21/22/24 records are protected. */
    private boolean protectedRecords;
    /** Stream bytes consumed before the current feed, for anomaly details. */
    private long streamOffset;
    /** Where the current feed's bytes start in its buffer. */
    private int feedStart;

    public TlsStreamDecoder(boolean fromClient, TlsLimits limits, TlsEventListener listener) {
        this.fromClient = fromClient;
        this.listener = Objects.requireNonNull(listener);
        this.handshake = new HandshakeAssembler(Objects.requireNonNull(limits));
        this.router = new HandshakeRouter(fromClient, listener);
    }

    /**
     * Offers the contiguous stream bytes [off, off+len) that follow everything consumed so far;
     * returns how many it consumed, possibly more than {@code len} (see the class comment).
     */
    public long feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (state.isTerminal()) {
            return len;
        }
        feedStart = off;
        int used = 0;
        if (state == TlsDirectionState.DETECTING) {
            used = detect(buf, off, len);
            if (used < 0) {
                return 0;
            }
            if (state.isTerminal()) {
                return len;
            }
        }
        long consumed = used + records(buf, off + used, len - used);
        if (state.isTerminal()) {
            return len;
        }
        streamOffset += consumed;
        return consumed;
    }

    /** Forgets the flow: back to DETECTING, buffers kept for the next one. */
    public void reset() {
        state = TlsDirectionState.DETECTING;
        protectedRecords = false;
        streamOffset = 0;
        handshake.reset();
        router.reset();
    }

    public TlsDirectionState state() {
        return state;
    }

    public boolean fromClient() {
        return fromClient;
    }

    /** Decides what the first bytes are; returns bytes consumed (an SSL 2.0 hello), or -1 to wait. */
    private int detect(byte[] buf, int off, int len) {
        return switch (TlsDetector.detect(buf, off, len)) {
            case NEED_MORE -> -1;
            case NOT_TLS -> {
                state = TlsDirectionState.NOT_TLS;
                listener.onNotTls(fromClient, TlsDetector.notTlsReason(buf, off));
                yield 0;
            }
            case TLS_RECORD -> {
                state = TlsDirectionState.RECORDS;
                yield 0;
            }
            case SSLV2_CLIENT_HELLO -> sslV2ClientHello(buf, off, len);
        };
    }

    /** The SSL 2.0-compatible ClientHello, once whole; returns its length, or -1 to wait. */
    private int sslV2ClientHello(byte[] buf, int off, int len) {
        int total = SslV2HelloLayout.HEADER_LENGTH + SslV2HelloLayout.bodyLength(buf, off);
        if (len < total) {
            return -1;
        }
        state = TlsDirectionState.RECORDS;
        router.onSslV2ClientHello(buf, off + SslV2HelloLayout.HEADER_LENGTH, total - SslV2HelloLayout.HEADER_LENGTH);
        return total;
    }

    /** Frames records from [off, off+len); returns bytes consumed, past len for a skipped body. */
    private long records(byte[] buf, int off, int len) {
        int pos = off;
        int end = off + len;
        while (end - pos >= HEADER_LENGTH) {
            int type = TlsRecordLayout.type(buf, pos);
            int length = TlsRecordLayout.length(buf, pos);
            if (!validHeader(type, TlsRecordLayout.version(buf, pos), length, streamOffset + (pos - feedStart))) {
                return len;
            }
            long next = pos + HEADER_LENGTH + (long) length;
            if (encrypted(type, length)) {
                encryptedRecord(type, length);
            } else if (next > end) {
                break;
            } else {
                plaintextRecord(type, buf, pos + HEADER_LENGTH, length);
            }
            if (next > end) {
                return next - off;
            }
            pos = (int) next;
        }
        return pos - off;
    }

    private boolean validHeader(int type, int version, int length, long at) {
        if (!TlsRecordLayout.isKnownType(type)) {
            return fail(TlsAnomaly.BAD_CONTENT_TYPE, "content type " + type, at);
        }
        if (!TlsRecordLayout.isKnownVersion(version)) {
            return fail(TlsAnomaly.BAD_RECORD_VERSION, String.format("version 0x%04x", version), at);
        }
        if (length > TlsRecordLayout.MAX_CIPHERTEXT_LENGTH) {
            return fail(TlsAnomaly.RECORD_TOO_LONG, "length " + length, at);
        }
        return true;
    }

    private boolean fail(TlsAnomaly anomaly, String detail, long at) {
        state = TlsDirectionState.FAILED;
        listener.onAnomaly(anomaly, detail + " at stream byte " + at, fromClient);
        return false;
    }

    /** Whether a record of this type and length is protected, so its body is never read. */
    private boolean encrypted(int type, int length) {
        if (type == APPLICATION_DATA) {
            return true;
        }
        if (!protectedRecords) {
            return false;
        }
        return switch (type) {
            case ALERT -> length != 2;
            case CHANGE_CIPHER_SPEC -> length != 1;
            case HANDSHAKE -> !(fromClient && router.offeredTls13());
            default -> true;
        };
    }

    private void encryptedRecord(int type, int length) {
        switch (type) {
            case ALERT -> listener.onAlert(-1, -1, true, fromClient);
            case HEARTBEAT -> listener.onHeartbeat(-1, -1, length, true, fromClient);
            default -> listener.onEncryptedRecord(type, length, fromClient);
        }
    }

    private void plaintextRecord(int type, byte[] buf, int off, int length) {
        if (type == HANDSHAKE && protectedRecords && !looksLikeClientHello(buf, off, length)) {
            listener.onEncryptedRecord(HANDSHAKE, length, fromClient);
            return;
        }
        if (length == 0 && type != HEARTBEAT) {
            listener.onAnomaly(TlsAnomaly.EMPTY_RECORD, TlsNames.contentTypeName(type), fromClient);
            return;
        }
        if (length > TlsRecordLayout.MAX_PLAINTEXT_LENGTH) {
            listener.onAnomaly(TlsAnomaly.PLAINTEXT_RECORD_TOO_LONG,
                    TlsNames.contentTypeName(type) + " of " + length + " bytes", fromClient);
        }
        switch (type) {
            case HANDSHAKE -> handshakeRecord(buf, off, length);
            case CHANGE_CIPHER_SPEC -> changeCipherSpec(buf, off, length);
            case ALERT -> ControlRecords.alerts(buf, off, length, listener, fromClient);
            default -> ControlRecords.heartbeat(buf, off, length, listener, fromClient);
        }
    }

    /** A plaintext handshake record; after ChangeCipherSpec only a client's second ClientHello. */
    private void handshakeRecord(byte[] buf, int off, int length) {
        protectedRecords = false;
        handshake.append(buf, off, length, router);
        updateState();
    }

    /**
     * Whether a handshake record after ChangeCipherSpec starts a plaintext ClientHello: type 1, a
     * plausible length and legacy_version 0x0300 to 0x0304. Ciphertext passes by chance about once
     * in three million records, and only in the one or two handshake records a client sends after CCS.
     */
    private static boolean looksLikeClientHello(byte[] buf, int off, int length) {
        if (length < HandshakeLayout.HEADER_LENGTH + 2) {
            return false;
        }
        int bodyLength = HandshakeLayout.length(buf, off);
        return HandshakeLayout.type(buf, off) == HandshakeLayout.CLIENT_HELLO
                && bodyLength >= MIN_CLIENT_HELLO_BODY
                && (buf[off + HandshakeLayout.HEADER_LENGTH] & 0xff) == TlsRecordLayout.MAJOR_VERSION
                && (buf[off + HandshakeLayout.HEADER_LENGTH + 1] & 0xff) <= TlsRecordLayout.MAX_MINOR_VERSION;
    }

    private void changeCipherSpec(byte[] buf, int off, int length) {
        if (length != 1 || buf[off] != 1) {
            listener.onAnomaly(TlsAnomaly.BAD_CHANGE_CIPHER_SPEC, "length " + length, fromClient);
        }
        if (handshake.inMessage()) {
            listener.onAnomaly(TlsAnomaly.HANDSHAKE_MESSAGE_INTERRUPTED, "by ChangeCipherSpec", fromClient);
            handshake.reset();
        }
        listener.onChangeCipherSpec(fromClient);
        if (!router.selectedTls13()) {
            protectedRecords = true;
        }
        updateState();
    }

    private void updateState() {
        state = protectedRecords || router.encryptsAfterServerHello()
                ? TlsDirectionState.ENCRYPTED : TlsDirectionState.RECORDS;
    }
}
