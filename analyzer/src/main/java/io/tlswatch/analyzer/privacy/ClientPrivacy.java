package io.tlswatch.analyzer.privacy;

import io.tlswatch.analyzer.net.IpAddressText;
import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.verdict.Verdict;
import java.nio.ByteBuffer;

/**
 * What of a user may leave the analyzer: where documents are written and prevalence is counted,
 * the client's address is replaced by its {@link CryptoPan} pseudonym when a key was given (IPv4
 * stays IPv4, IPv6 stays IPv6, prefixes are preserved so subnets stay comparable), and the server
 * name a client asked for is left out of clean sessions when asked (sessions with any evidence of
 * interception keep it: it is what the finding is about). The server's address is not a user's
 * and is kept. Used by the sink thread only (one cipher).
 */
public final class ClientPrivacy {
    /** Raw addresses, every server name: the default. */
    public static final ClientPrivacy NONE = new ClientPrivacy(null, false);

    private final CryptoPan pseudonyms;
    private final boolean dropCleanServerNames;

    /**
     * @param pseudonyms           the keyed pseudonymiser, or null to keep client addresses
     * @param dropCleanServerNames whether clean sessions are written without their server name
     */
    public ClientPrivacy(CryptoPan pseudonyms, boolean dropCleanServerNames) {
        this.pseudonyms = pseudonyms;
        this.dropCleanServerNames = dropCleanServerNames;
    }

    /** Whether client addresses are pseudonymised. */
    public boolean pseudonymisesClients() {
        return pseudonyms != null;
    }

    /** The endpoints as they may be written: the client's address pseudonymised when a key was given. */
    public FlowEndpoints endpoints(FlowEndpoints e) {
        if (pseudonyms == null) {
            return e;
        }
        long hi;
        long lo;
        if (IpAddressText.isIpv4(e.clientHi(), e.clientLo())) {
            byte[] v4 = pseudonyms.pseudonymise(ByteBuffer.allocate(4).putInt((int) e.clientLo()).array());
            hi = 0;
            lo = 0xFFFF_0000_0000L | ByteBuffer.wrap(v4).getInt() & 0xFFFF_FFFFL;
        } else {
            ByteBuffer v6 = ByteBuffer.wrap(pseudonyms.pseudonymise(
                    ByteBuffer.allocate(16).putLong(e.clientHi()).putLong(e.clientLo()).array()));
            hi = v6.getLong();
            lo = v6.getLong();
        }
        return new FlowEndpoints(hi, lo, e.clientPort(), e.serverHi(), e.serverLo(), e.serverPort(),
                e.protocol(), e.vlanId(), e.innerVlanId());
    }

    /** Whether a session with this verdict is written with the server name its client asked for. */
    public boolean keepsServerName(Verdict verdict) {
        return !(dropCleanServerNames && verdict == Verdict.CLEAN);
    }
}
