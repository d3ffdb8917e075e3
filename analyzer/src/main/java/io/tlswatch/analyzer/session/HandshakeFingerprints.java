package io.tlswatch.analyzer.session;

import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja3s;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;

/**
 * A session's fingerprints, computed once (the verdict and the document both read them).
 *
 * @param ja3  the client's JA3, or null (no parsed ClientHello, or the SSLv2 form)
 * @param ja4  the client's JA4 with the session's transport prefix, or null (no parsed ClientHello)
 * @param ja3s the server's JA3S, or null (no ServerHello)
 */
public record HandshakeFingerprints(Ja3 ja3, Ja4 ja4, Ja3s ja3s) {

    static HandshakeFingerprints of(TlsSession s) {
        Ja3 ja3 = s.clientHello() != null ? Ja3.of(s.clientHello()).orElse(null) : null;
        Ja4 ja4 = s.clientHello() != null
                ? Ja4.of(s.clientHello(), s.quic() ? Ja4Transport.QUIC : Ja4Transport.TCP) : null;
        Ja3s ja3s = s.serverHello() != null ? Ja3s.of(s.serverHello()) : null;
        return new HandshakeFingerprints(ja3, ja4, ja3s);
    }
}
