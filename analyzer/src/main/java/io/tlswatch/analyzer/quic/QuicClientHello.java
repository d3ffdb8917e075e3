package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.ClientHello;
import java.util.HexFormat;

/**
 * The client's first ClientHello as a {@link QuicInitialTracker} read it from the client's Initial
 * packets, with what the QUIC layer around it showed; the first part of a {@link QuicHandshake}.
 * Fingerprints take the hello as any other (JA4 marks it with the transport 'q'); server name and
 * ALPN are in {@link ClientHello#offered()}.
 *
 * <p>Immutable; arrays returned are copies.
 */
public final class QuicClientHello {
    private final ClientHello hello;
    private final int version;
    private final byte[] originalDcid;
    private final byte[] keysDcid;
    private final byte[] clientScid;
    private final boolean retried;
    private final int initialPackets;
    private final long firstInitialNanos;
    private final long completedNanos;

    /** Made by the tracker; public so that the tests of the packages it feeds can write their own. */
    public QuicClientHello(ClientHello hello, int version, byte[] originalDcid, byte[] keysDcid, byte[] clientScid,
            boolean retried, int initialPackets, long firstInitialNanos, long completedNanos) {
        this.hello = hello;
        this.version = version;
        this.originalDcid = originalDcid.clone();
        this.keysDcid = keysDcid.clone();
        this.clientScid = clientScid.clone();
        this.retried = retried;
        this.initialPackets = initialPackets;
        this.firstInitialNanos = firstInitialNanos;
        this.completedNanos = completedNanos;
    }

    public ClientHello hello() {
        return hello;
    }

    /** The version field of the client's first Initial that opened (0x00000001, 0x6b3343cf, ...). */
    public int version() {
        return version;
    }

    /** The Destination Connection ID of the client's first Initial that opened. */
    public byte[] originalDcid() {
        return originalDcid.clone();
    }

    /**
     * The connection ID the Initial keys came from when the tracker described the hello (at the
     * latest when it handed the handshake over): the client's first DCID, or after a Retry the
     * server's choice (RFC 9001 §5.2).
     */
    public byte[] keysDcid() {
        return keysDcid.clone();
    }

    /** The client's Source Connection ID (possibly empty). */
    public byte[] clientScid() {
        return clientScid.clone();
    }

    /** Whether the server sent a Retry (seen, or inferred from the keys that opened). */
    public boolean retried() {
        return retried;
    }

    /** Client Initial packets opened up to and including the one that completed the hello. */
    public int initialPackets() {
        return initialPackets;
    }

    /** Time of the first client Initial that opened, as fed to the tracker. */
    public long firstInitialNanos() {
        return firstInitialNanos;
    }

    /** Time of the datagram that completed the hello. */
    public long completedNanos() {
        return completedNanos;
    }

    @Override
    public String toString() {
        return "QuicClientHello[version=" + Integer.toHexString(version) + ", dcid=" + HexFormat.of().formatHex(originalDcid)
                + (retried ? ", retried" : "") + ", packets=" + initialPackets + ", " + hello + "]";
    }
}
