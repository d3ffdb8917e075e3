package io.tlswatch.analyzer.quic;

import java.util.Arrays;

/**
 * Which keys open one connection's Initials (RFC 9001 §5.2): those derived from the DCID of the
 * client's first Initial, for as long as either side sends Initials, even once the client has
 * moved to the server's connection ID; after a Retry, those derived from the Retry's Source
 * Connection ID, which is the client's next DCID (RFC 9000 §17.2.5.2). A client processes at most
 * one Retry, and none after a server Initial, and this schedule follows it. The server's keys
 * ("server in") come from the same DCID as the client's ("client in"), in the version of the
 * server's packet (which may differ from the client's after compatible version negotiation,
 * RFC 9368).
 *
 * <p>When the client's current keys fail and the packet's own DCID differs, the keys of that DCID
 * are the one alternative: that is a Retry this observer missed (or the first Initial it missed),
 * and it becomes the current DCID when it opens; the server's keys follow it. Keys are derived
 * once per (version, connection ID) and cached: two for the client, one for the server. A Retry
 * is checked ({@link RetryIntegrity}) before it moves anything, so a forged one cannot blind the
 * observer to the rest of the connection.
 */
final class InitialKeySchedule {
    /** The Retry moved the keys to its SCID. */
    static final int RETRY_ACCEPTED = 0;
    /** A second Retry, one after a server Initial, one to another client, or before any client Initial. */
    static final int RETRY_IGNORED = 1;
    /** Its integrity tag does not verify: forged or damaged, ignored. */
    static final int RETRY_FORGED = 2;

    private byte[] keysDcid;
    private QuicInitialKeys current;
    private QuicInitialKeys spare;
    private QuicInitialKeys server;
    private boolean retried;
    private boolean retryClosed;

    /**
     * Keys for a client Initial: attempt 0 the current DCID's, 1 the packet's own DCID's if
     * different, else null.
     */
    QuicInitialKeys keys(QuicPacketHeader h, byte[] b, int attempt, Hkdf hkdf) {
        if (keysDcid == null) {
            keysDcid = Arrays.copyOfRange(b, h.dcidOffset(), h.dcidOffset() + h.dcidLength());
        }
        if (attempt == 0) {
            return cached(h.version(), keysDcid, 0, keysDcid.length, hkdf);
        }
        if (h.dcidEquals(b, keysDcid)) {
            return null;
        }
        return cached(h.version(), b, h.dcidOffset(), h.dcidLength(), hkdf);
    }

    private QuicInitialKeys cached(QuicVersion version, byte[] b, int off, int len, Hkdf hkdf) {
        if (current != null && current.isFor(version, b, off, len)) {
            return current;
        }
        if (spare != null && spare.isFor(version, b, off, len)) {
            return spare;
        }
        spare = QuicInitialKeys.client(version, b, off, len, hkdf);
        return spare;
    }

    /**
     * The keys for a server Initial: those of the current DCID in the packet's version, or null
     * before any client Initial named the DCID.
     */
    QuicInitialKeys serverKeys(QuicPacketHeader h, Hkdf hkdf) {
        if (keysDcid == null) {
            return null;
        }
        if (server == null || !server.isFor(h.version(), keysDcid, 0, keysDcid.length)) {
            server = QuicInitialKeys.server(h.version(), keysDcid, 0, keysDcid.length, hkdf);
        }
        return server;
    }

    /** Notes a client Initial opened with {@code keys}; an alternative that opens becomes current. */
    void opened(QuicPacketHeader h, byte[] b, QuicInitialKeys keys) {
        if (keys == current) {
            return;
        }
        if (!keys.isFor(keys.version(), keysDcid, 0, keysDcid.length)) {
            keysDcid = Arrays.copyOfRange(b, h.dcidOffset(), h.dcidOffset() + h.dcidLength());
            retried |= current != null;
        }
        spare = current;
        current = keys;
    }

    /** A server Initial opened: no Retry is taken after it. */
    void serverInitialOpened() {
        retryClosed = true;
    }

    /**
     * A server Retry to the client whose SCID is {@code clientScid} (null if not known yet). Its
     * SCID's keys protect the client's Initials from now on if it is the first Retry, came before
     * any server Initial, names the client as its destination and carries a tag that verifies
     * against the client's first DCID.
     *
     * @return {@link #RETRY_ACCEPTED}, {@link #RETRY_IGNORED} or {@link #RETRY_FORGED}
     */
    int retry(QuicPacketHeader h, byte[] b, byte[] clientScid, RetryIntegrity integrity) {
        if (retryClosed || keysDcid == null || clientScid != null && !h.dcidEquals(b, clientScid)) {
            return RETRY_IGNORED;
        }
        if (integrity.verify(h, b, keysDcid) == RetryIntegrity.INVALID) {
            return RETRY_FORGED;
        }
        retryClosed = true;
        retried = true;
        keysDcid = Arrays.copyOfRange(b, h.scidOffset(), h.scidOffset() + h.scidLength());
        return RETRY_ACCEPTED;
    }

    /** The connection ID the current keys come from (null before the first client Initial). */
    byte[] keysDcid() {
        return keysDcid;
    }

    boolean retried() {
        return retried;
    }
}
