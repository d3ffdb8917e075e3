package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.HelloFinder;
import io.tlswatch.analyzer.tls.TlsDirectionState;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;

/**
 * The consumer of one direction's reassembled bytes. Normally it hands them to the TLS decoder of
 * that direction's role. When the first bytes are not TLS, it looks on through the next
 * {@link #SCAN_LIMIT} bytes for a hello (a ClientHello from the client, a ServerHello from the
 * server) with {@link HelloFinder}, and restarts the decoder there: that is how TLS after STARTTLS,
 * a proxy preamble or a database's SSL request is found, whatever the protocol before it.
 */
final class DirectionFeed implements StreamReassembler.StreamConsumer {
    /** How far into a direction a hello is looked for after a non-TLS start. */
    static final int SCAN_LIMIT = 16 * 1024;

    private enum Mode { DECODE, SCAN, GIVEN_UP }

    private final TcpParser parser;
    private final int direction;
    private Mode mode = Mode.DECODE;
    private long scanned;
    private boolean upgraded;

    DirectionFeed(TcpParser parser, int direction) {
        this.parser = parser;
        this.direction = direction;
    }

    void reset() {
        mode = Mode.DECODE;
        scanned = 0;
        upgraded = false;
    }

    /** True once this direction is known not to carry TLS (within the scan limit). */
    boolean gaveUp() {
        return mode == Mode.GIVEN_UP;
    }

    /** True if TLS was found after a non-TLS start. */
    boolean upgraded() {
        return upgraded;
    }

    @Override
    public long consume(byte[] buf, int off, int len) {
        if (mode == Mode.DECODE) {
            TlsStreamDecoder decoder = parser.decoderFor(direction);
            long taken = decoder.feed(buf, off, len);
            if (decoder.state() != TlsDirectionState.NOT_TLS) {
                return taken;
            }
            mode = Mode.SCAN;   // the decoder took the bytes as not TLS: look through them again
        }
        if (mode == Mode.GIVEN_UP) {
            return len;
        }
        return scan(buf, off, len);
    }

    private long scan(byte[] buf, int off, int len) {
        boolean client = direction == parser.clientDirection();
        int at = HelloFinder.find(buf, off, len, client ? HandshakeLayout.CLIENT_HELLO : HandshakeLayout.SERVER_HELLO);
        if (at >= 0) {
            TlsStreamDecoder decoder = parser.decoderFor(direction);
            decoder.reset();
            mode = Mode.DECODE;
            upgraded = true;
            scanned += at - off;
            return at == off ? decoder.feed(buf, off, len) : at - off;
        }
        int skippable = Math.max(0, len - (HelloFinder.PATTERN_LENGTH - 1));
        scanned += skippable;
        if (scanned >= SCAN_LIMIT) {
            mode = Mode.GIVEN_UP;
            return len;
        }
        return skippable;
    }
}
