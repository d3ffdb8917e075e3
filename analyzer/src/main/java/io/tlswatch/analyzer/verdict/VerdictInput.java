package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.session.HandshakeFingerprints;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.time.Instant;
import java.util.List;

/**
 * What the rules look at for one session: the chain as sent (parsed), what validating it found
 * against the trust store and against the user's sanctioned CAs, whether the client went on with
 * it, and the ClientHello.
 *
 * @param serverName       the SNI, or null
 * @param chain            the server's certificates as sent, leaf first (empty when not seen)
 * @param trust            validation against the trust store, or null when no chain was seen
 * @param sanctioned       validation against the user's sanctioned CAs, or null when none are declared
 * @param clientAccepted   true: application data flowed; false: the client alerted after the
 *                         certificate; null: unknown
 * @param sctOutsideCertificate the server sent SCTs in the handshake (TLS extension) or may have
 *                         in a stapled OCSP response, so a leaf without embedded SCTs proves nothing
 * @param clientHello      the ClientHello, or null when it was not seen
 * @param fingerprints     the session's JA3/JA4/JA3S (computed once per session)
 */
public record VerdictInput(String serverName, List<CertificateInfo> chain, ChainVerdict trust, ChainVerdict sanctioned,
                           Instant captureTime, Boolean clientAccepted, boolean sctOutsideCertificate,
                           ClientHello clientHello, HandshakeFingerprints fingerprints) {

    public boolean chainSeen() {
        return !chain.isEmpty();
    }

    public CertificateInfo leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }
}
