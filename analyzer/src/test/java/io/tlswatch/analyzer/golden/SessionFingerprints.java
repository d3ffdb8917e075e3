package io.tlswatch.analyzer.golden;

import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja3s;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ServerHello;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One session's fingerprints as its document carries them: JA3 and JA4 of its first ClientHello
 * (JA4 with the session's transport, 'q' for QUIC), JA3S of its ServerHello that is not a
 * HelloRetryRequest. A rendering the session cannot give (no hello, an SSL 2.0-compatible hello
 * for JA3) is absent.
 *
 * @param values each rendering's value
 */
record SessionFingerprints(Map<Fingerprint, String> values) {

    static SessionFingerprints of(TlsSession session) {
        Map<Fingerprint, String> values = new EnumMap<>(Fingerprint.class);
        ClientHello client = session.clientHello();
        if (client != null) {
            Ja3.of(client).ifPresent(ja3 -> {
                values.put(Fingerprint.JA3, ja3.md5());
                values.put(Fingerprint.JA3_STRING, ja3.text());
            });
            Ja4 ja4 = Ja4.of(client, session.quic() ? Ja4Transport.QUIC : Ja4Transport.TCP);
            values.put(Fingerprint.JA4, ja4.ja4());
            values.put(Fingerprint.JA4_R, ja4.ja4Raw());
            values.put(Fingerprint.JA4_O, ja4.ja4Original());
            values.put(Fingerprint.JA4_RO, ja4.ja4RawOriginal());
        }
        ServerHello server = session.serverHello();
        if (server != null) {
            Ja3s ja3s = Ja3s.of(server);
            values.put(Fingerprint.JA3S, ja3s.md5());
            values.put(Fingerprint.JA3S_STRING, ja3s.text());
        }
        return new SessionFingerprints(Collections.unmodifiableMap(values));
    }
}
