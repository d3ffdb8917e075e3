package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsParse;
import java.util.Arrays;

/**
 * One QUIC connection's Initial exchange as a passive observer follows it, until the client's
 * ClientHello is read: the integrator keeps one per UDP flow and feeds it the flow's datagrams,
 * each direction to its own method. It knows the connection by the client's first Destination
 * Connection ID (whose keys open the client's Initials, {@link InitialKeySchedule}), reassembles
 * the CRYPTO stream ({@link CryptoStreamAssembler}) and raises {@link QuicClientHello} once.
 *
 * <p>States: {@link State#AWAITING_INITIAL} until a client Initial opens, then
 * {@link State#COLLECTING}, then {@link State#HELLO_DONE} (the flow can go to bypass) or
 * {@link State#GAVE_UP} (a stream that is not a ClientHello, a hello over the bound or that does
 * not parse, too many Initials); both last ones are sticky and ignore further datagrams.
 *
 * <p>Outcomes are counted in the worker's {@link QuicCounters}. Never throws on the bytes it is
 * fed; memory per connection is a few small objects, plus the CRYPTO buffer while collecting.
 * Used by one thread, with that thread's {@link QuicInitialDecoder}.
 */
public final class QuicInitialTracker {
    /** Where the tracker stands. */
    public enum State {
        AWAITING_INITIAL, COLLECTING, HELLO_DONE, GAVE_UP
    }

    /** The smallest UDP payload that can carry a client Initial (RFC 9000 §14.1). */
    public static final int MIN_INITIAL_DATAGRAM = 1200;

    private final QuicInitialDecoder decoder;
    private final QuicCounters counters;
    private final InitialKeySchedule keys = new InitialKeySchedule();
    private final CryptoStreamAssembler crypto;
    private final Connection connection = new Connection();
    private State state = State.AWAITING_INITIAL;
    private QuicOutcome gaveUpFor;
    private String gaveUpDetail;
    private int version;
    private byte[] originalDcid;
    private byte[] clientScid;
    private int initialsTried;
    private int initialsOpened;
    private long firstInitialNanos;

    /**
     * Whether a UDP payload is worth a tracker: a long header with the fixed bit in a datagram of
     * at least 1200 bytes, as every datagram carrying a client Initial is (RFC 9000 §14.1). The
     * version is not checked: a client that starts in a reserved version follows with a real one.
     * For the integrator deciding which UDP flows to follow; reads three bytes, allocates nothing.
     */
    public static boolean looksLikeClientInitial(byte[] b, int off, int len) {
        if (off < 0 || len < MIN_INITIAL_DATAGRAM || off + (long) len > b.length) {
            return false;
        }
        int first = b[off] & 0xff;
        return QuicLayout.isLongHeader(first) && QuicLayout.hasFixedBit(first);
    }

    public QuicInitialTracker(QuicInitialDecoder decoder, QuicCounters counters) {
        this.decoder = decoder;
        this.counters = counters;
        this.crypto = new CryptoStreamAssembler(decoder.limits().maxCryptoBytes());
    }

    /**
     * Reads a UDP payload the client sent.
     *
     * @return the ClientHello, from the datagram that completes it (once per connection), else null
     */
    public QuicClientHello feedFromClient(byte[] b, int off, int len, long timeNanos) {
        if (state == State.HELLO_DONE || state == State.GAVE_UP) {
            return null;
        }
        int openedBefore = initialsOpened;
        decoder.decode(b, off, len, true, connection, counters);
        if (openedBefore == 0 && initialsOpened > 0) {
            firstInitialNanos = timeNanos;
        }
        return state == State.COLLECTING ? helloIfComplete(timeNanos) : null;
    }

    /** Reads a UDP payload the server sent: counted, and a Retry changes the client's keys. */
    public void feedFromServer(byte[] b, int off, int len) {
        if (state == State.HELLO_DONE || state == State.GAVE_UP) {
            return;
        }
        decoder.decode(b, off, len, false, connection, counters);
    }

    private QuicClientHello helloIfComplete(long timeNanos) {
        switch (crypto.state()) {
            case CryptoStreamAssembler.NEED_MORE:
                return null;
            case CryptoStreamAssembler.NOT_CLIENT_HELLO:
                return giveUp(QuicOutcome.CRYPTO_NOT_CLIENT_HELLO, "handshake type "
                        + HandshakeLayout.type(crypto.buffer(), 0));
            case CryptoStreamAssembler.TOO_LARGE:
                return giveUp(QuicOutcome.CRYPTO_OVER_BOUND, "ClientHello of " + crypto.messageBodyLength()
                        + " bytes");
            default:
                break;
        }
        TlsParse<ClientHello> hello = ClientHello.parse(crypto.buffer(), HandshakeLayout.HEADER_LENGTH,
                crypto.messageBodyLength());
        if (!hello.isParsed()) {
            return giveUp(QuicOutcome.CLIENT_HELLO_MALFORMED, hello.reason());
        }
        counters.count(QuicOutcome.CLIENT_HELLO);
        state = State.HELLO_DONE;
        crypto.release();
        return new QuicClientHello(hello.value(), version, originalDcid, keys.keysDcid(), clientScid,
                keys.retried(), initialsOpened, firstInitialNanos, timeNanos);
    }

    private QuicClientHello giveUp(QuicOutcome why, String detail) {
        counters.count(why);
        state = State.GAVE_UP;
        gaveUpFor = why;
        gaveUpDetail = detail;
        crypto.release();
        return null;
    }

    public State state() {
        return state;
    }

    /** Why the tracker gave up ({@link State#GAVE_UP}), else null. */
    public QuicOutcome gaveUpFor() {
        return gaveUpFor;
    }

    /** A detail for {@link #gaveUpFor()}: the TLS parse reason, the handshake type or size. */
    public String gaveUpDetail() {
        return gaveUpDetail;
    }

    /** The version of the first client Initial that opened, 0 before. */
    public int version() {
        return version;
    }

    /** The DCID of the first client Initial that opened (null before): the connection's name. */
    public byte[] originalDcid() {
        return originalDcid == null ? null : originalDcid.clone();
    }

    /** The decoder's view of this connection, kept off the tracker's public face. */
    private final class Connection implements QuicInitialDecoder.Connection {
        @Override
        public boolean acceptClientInitial() {
            if (state == State.HELLO_DONE || state == State.GAVE_UP) {
                return false;
            }
            if (initialsTried >= decoder.limits().maxInitialsPerConnection()) {
                giveUp(QuicOutcome.OVER_PACKET_LIMIT, initialsTried + " client Initials without a ClientHello");
                return false;
            }
            initialsTried++;
            return true;
        }

        @Override
        public QuicInitialKeys clientKeys(QuicPacketHeader h, byte[] b, int attempt, Hkdf hkdf) {
            return keys.keys(h, b, attempt, hkdf);
        }

        @Override
        public long largestPacketNumber() {
            return keys.largestPacketNumber();
        }

        @Override
        public void onOpened(QuicPacketHeader h, byte[] b, QuicInitialKeys used, long packetNumber) {
            keys.opened(h, b, used, packetNumber);
            initialsOpened++;
            if (originalDcid == null) {
                version = h.wireVersion();
                originalDcid = Arrays.copyOfRange(b, h.dcidOffset(), h.dcidOffset() + h.dcidLength());
                clientScid = Arrays.copyOfRange(b, h.scidOffset(), h.scidOffset() + h.scidLength());
                state = State.COLLECTING;
            }
        }

        @Override
        public void onCrypto(long offset, byte[] b, int off, int len) {
            if (state == State.COLLECTING && !crypto.add(offset, b, off, len)) {
                counters.count(QuicOutcome.CRYPTO_OVER_BOUND);
            }
        }

        @Override
        public void onServerInitial() {
            keys.serverInitial();
        }

        @Override
        public void onRetry(QuicPacketHeader h, byte[] b, RetryIntegrity integrity) {
            if (keys.retry(h, b, clientScid, integrity) == InitialKeySchedule.RETRY_FORGED) {
                counters.count(QuicOutcome.RETRY_TAG_INVALID);
            }
        }
    }
}
