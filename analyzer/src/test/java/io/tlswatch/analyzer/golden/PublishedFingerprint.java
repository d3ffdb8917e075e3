package io.tlswatch.analyzer.golden;

import java.util.Objects;

/**
 * One fingerprint a peer project published for a corpus capture.
 *
 * @param source who published it: tshark, foxio-python, foxio-rust, foxio-wireshark,
 *               suricata-verify, arkime, ndpi, zeek
 * @param kind the rendering
 * @param value the value as published
 */
record PublishedFingerprint(String source, Fingerprint kind, String value) {
    PublishedFingerprint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
