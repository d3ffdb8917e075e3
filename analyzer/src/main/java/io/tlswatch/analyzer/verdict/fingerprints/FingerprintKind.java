package io.tlswatch.analyzer.verdict.fingerprints;

/** Which ClientHello fingerprint an entry matched on. */
public enum FingerprintKind {
    /** FoxIO's JA4 ({@link io.tlswatch.analyzer.fingerprint.Ja4#ja4()}), over TCP. */
    JA4,
    /** Salesforce's JA3, its MD5 ({@link io.tlswatch.analyzer.fingerprint.Ja3#md5()}). */
    JA3
}
