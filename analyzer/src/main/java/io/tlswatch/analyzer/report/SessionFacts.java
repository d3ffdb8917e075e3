package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.util.List;

/**
 * The few facts of one judged session that a report counts and shows, taken from its session
 * document as it leaves the analyzer. Strings are as the document carries them (server names
 * escaped by the TLS parser, certificate names as decoded): attacker-controlled, escape on output.
 * One per session, never per packet.
 *
 * @param timeNanos   capture time of the session's first hello, epoch nanoseconds
 * @param endpoints   client and server addresses (two longs each, IPv4-mapped for IPv4)
 * @param serverName  the SNI, or null
 * @param transport   whether the handshake was TLS 1.3 over TCP, QUIC, or anything else
 * @param leafSubject the server leaf's subject (RFC 4514), or null when no parsed leaf was seen
 * @param leafIssuer  the server leaf's issuer (RFC 4514), or null
 * @param leafSha256  the server leaf's SHA-256 (hex), or null
 * @param ja4         the client's JA4, or null
 */
public record SessionFacts(long timeNanos, FlowEndpoints endpoints, String serverName, Verdict verdict,
                           Interceptor interceptor, List<String> rules, Transport transport,
                           String leafSubject, String leafIssuer, String leafSha256, String ja4) {

    /** What the handshake ran over, as far as it decides what a passive monitor can see. */
    public enum Transport {
        /** TLS 1.3 over TCP: the certificate is encrypted. */
        TLS13("tls13"),
        /** QUIC (always TLS 1.3): the certificate is encrypted. */
        QUIC("quic"),
        /** TLS 1.2 and older, or a session whose version was not seen. */
        OTHER("other");

        private final String jsonName;

        Transport(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public SessionFacts {
        rules = List.copyOf(rules);
    }

    /** The facts of the session {@code document} describes. */
    public static SessionFacts of(SessionDocument document) {
        TlsSession s = document.session();
        SessionVerdict v = document.verdict();
        String serverName = s.clientHello() != null ? s.clientHello().offered().serverName() : null;
        CertificateInfo leaf = s.serverChain().isEmpty() ? null : s.serverChain().get(0);
        boolean parsed = leaf != null && leaf.isParsed();
        String ja4 = s.clientHello() != null ? s.fingerprints().ja4().ja4() : null;
        return new SessionFacts(s.startNanos(), s.endpoints(), serverName, v.verdict(), v.interceptor(), v.rules(),
                transport(s), parsed ? leaf.subject().distinguishedName() : null,
                parsed ? leaf.issuer().distinguishedName() : null, leaf != null ? leaf.sha256() : null, ja4);
    }

    private static Transport transport(TlsSession s) {
        if (s.quic()) {
            return Transport.QUIC;
        }
        return s.serverHello() != null && s.serverHello().selectsTls13() ? Transport.TLS13 : Transport.OTHER;
    }

    /** The client's address as text. */
    public String clientIp() {
        return endpoints.clientIp();
    }

    /** The server's address as text. */
    public String serverIp() {
        return endpoints.serverIp();
    }

    /** Intercepted or suspected: what the report calls affected. */
    public boolean affected() {
        return verdict == Verdict.INTERCEPTED || verdict == Verdict.SUSPECTED;
    }
}
