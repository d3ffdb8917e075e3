package io.tlswatch.analyzer.quic;

import java.util.Arrays;

/**
 * One long header located in a datagram (layout in {@link QuicLayout}): a reused flyweight that
 * {@link #parse} fills with offsets into the caller's bytes, bounding every length against the
 * datagram before trusting it. It reads the protected header only: the packet number and its
 * length stay under header protection until {@link InitialPacketProtection} removes it.
 *
 * <p>A datagram may hold several long header packets back to back (RFC 9000 §12.2); each packet's
 * {@link #end()} is where the next one starts. A Retry has no Length field and runs to the end of
 * the datagram; a Version Negotiation packet, an unknown version or a short header end the
 * datagram for a reader, since their length is not known.
 */
final class QuicPacketHeader {
    private int start;
    private int firstByte;
    private int wireVersion;
    private QuicVersion version;
    private QuicPacketType type;
    private int dcidOffset;
    private int dcidLength;
    private int scidOffset;
    private int scidLength;
    private int tokenOffset;
    private int tokenLength;
    private int packetNumberOffset;
    private int end;
    private QuicOutcome failure;
    private boolean quicBitGreased;

    /**
     * Reads the packet that starts at {@code b[off]} in a datagram ending at {@code limit}.
     *
     * @return whether it is a long header packet of a version in {@link QuicVersion}, well formed
     *         as far as its header goes; else {@link #failure()} says what it is
     */
    boolean parse(byte[] b, int off, int limit) {
        return parse(b, off, limit, false);
    }

    /**
     * The same, where a long header whose fixed bit (the "QUIC bit") is 0 is read as one whose bit
     * is 1 when {@code quicBitMayBeGreased}: within a connection known to be QUIC, whose endpoints
     * may grease that bit (RFC 9287 §3); {@link #quicBitGreased()} then says so.
     */
    boolean parse(byte[] b, int off, int limit, boolean quicBitMayBeGreased) {
        start = off;
        version = null;
        type = null;
        failure = null;
        firstByte = b[off] & 0xff;
        quicBitGreased = false;
        if (!QuicLayout.isLongHeader(firstByte)) {
            return fail(QuicLayout.hasFixedBit(firstByte) ? QuicOutcome.SHORT_HEADER : QuicOutcome.NOT_QUIC);
        }
        if (limit - off < QuicLayout.MIN_LONG_HEADER_LENGTH) {
            return fail(QuicOutcome.PACKET_MALFORMED);
        }
        wireVersion = QuicLayout.version(b, off);
        if (wireVersion == QuicLayout.VERSION_NEGOTIATION) {
            return fail(QuicOutcome.VERSION_NEGOTIATION);
        }
        if (!QuicLayout.hasFixedBit(firstByte)) {
            if (!quicBitMayBeGreased) {
                return fail(QuicOutcome.NOT_QUIC);
            }
            quicBitGreased = true;
        }
        if (QuicLayout.isReservedVersion(wireVersion)) {
            return fail(QuicOutcome.RESERVED_VERSION);
        }
        version = QuicVersion.of(wireVersion);
        if (version == null) {
            return fail(QuicOutcome.UNSUPPORTED_VERSION);
        }
        type = version.packetType(QuicLayout.longPacketTypeBits(firstByte));
        return connectionIds(b, off + QuicLayout.DCID_LENGTH_OFFSET, limit) && typeSpecific(b, limit);
    }

    private boolean connectionIds(byte[] b, int p, int limit) {
        dcidLength = b[p] & 0xff;
        dcidOffset = p + 1;
        if (dcidLength > QuicLayout.MAX_CONNECTION_ID_LENGTH || dcidOffset + dcidLength >= limit) {
            return fail(QuicOutcome.PACKET_MALFORMED);
        }
        scidLength = b[dcidOffset + dcidLength] & 0xff;
        scidOffset = dcidOffset + dcidLength + 1;
        if (scidLength > QuicLayout.MAX_CONNECTION_ID_LENGTH || scidOffset + scidLength > limit) {
            return fail(QuicOutcome.PACKET_MALFORMED);
        }
        return true;
    }

    private boolean typeSpecific(byte[] b, int limit) {
        int p = scidOffset + scidLength;
        tokenOffset = p;
        tokenLength = 0;
        if (type == QuicPacketType.RETRY) {
            tokenLength = limit - p - QuicLayout.RETRY_INTEGRITY_TAG_LENGTH;
            end = limit;
            packetNumberOffset = -1;
            return tokenLength >= 0 || fail(QuicOutcome.PACKET_MALFORMED);
        }
        if (type == QuicPacketType.INITIAL) {
            long tokenLen = varInt(b, p, limit);
            if (tokenLen < 0) {
                return fail(QuicOutcome.PACKET_MALFORMED);
            }
            p += QuicLayout.varIntLength(b[p]);
            if (p + tokenLen > limit) {
                return fail(QuicOutcome.PACKET_MALFORMED);
            }
            tokenOffset = p;
            tokenLength = (int) tokenLen;
            p += tokenLength;
        }
        long length = varInt(b, p, limit);
        if (length < 0) {
            return fail(QuicOutcome.PACKET_MALFORMED);
        }
        packetNumberOffset = p + QuicLayout.varIntLength(b[p]);
        if (packetNumberOffset + length > limit) {
            return fail(QuicOutcome.PACKET_MALFORMED);
        }
        end = packetNumberOffset + (int) length;
        return true;
    }

    /** The variable-length integer at {@code p}, or -1 when it runs past {@code limit}. */
    private static long varInt(byte[] b, int p, int limit) {
        if (p >= limit || p + QuicLayout.varIntLength(b[p]) > limit) {
            return -1;
        }
        return QuicLayout.varInt(b, p);
    }

    private boolean fail(QuicOutcome why) {
        failure = why;
        end = -1;
        return false;
    }

    /** Why {@link #parse} returned false. */
    QuicOutcome failure() {
        return failure;
    }

    int start() {
        return start;
    }

    /** Whether the packet was read with its fixed bit 0, greased (RFC 9287). */
    boolean quicBitGreased() {
        return quicBitGreased;
    }

    /** The first byte as sent (its low bits still under header protection). */
    int protectedFirstByte() {
        return firstByte;
    }

    int wireVersion() {
        return wireVersion;
    }

    QuicVersion version() {
        return version;
    }

    QuicPacketType type() {
        return type;
    }

    int dcidOffset() {
        return dcidOffset;
    }

    int dcidLength() {
        return dcidLength;
    }

    int scidOffset() {
        return scidOffset;
    }

    int scidLength() {
        return scidLength;
    }

    int tokenOffset() {
        return tokenOffset;
    }

    /** Initial: the token's length; Retry: the Retry Token's; else 0. */
    int tokenLength() {
        return tokenLength;
    }

    /** Where the (protected) packet number starts: the end of the Length field; -1 for a Retry. */
    int packetNumberOffset() {
        return packetNumberOffset;
    }

    /** Just past this packet: where the next coalesced packet starts. */
    int end() {
        return end;
    }

    /** Whether the DCID equals {@code id}. */
    boolean dcidEquals(byte[] b, byte[] id) {
        return Arrays.equals(b, dcidOffset, dcidOffset + dcidLength, id, 0, id.length);
    }
}
