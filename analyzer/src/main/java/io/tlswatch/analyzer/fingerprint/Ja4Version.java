package io.tlswatch.analyzer.fingerprint;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;

/**
 * JA4's two-character version (FoxIO JA4.md, "TLS and DTLS Version"): the highest non-GREASE
 * value of supported_versions when the hello has that extension, else legacy_version.
 *
 * <p>"Highest" is numeric, as both FoxIO implementations compare: a DTLS 1.3 hello offering
 * 0xfefc and 0xfefd reads "d2", and a TLS 1.3 draft (0x7fxx) outranks 0x0304 and reads "00".
 * A supported_versions extension with no usable value (only GREASE, or malformed) reads "00".
 */
final class Ja4Version {
    static final String UNKNOWN = "00";

    private Ja4Version() {
    }

    static String of(ClientHello hello) {
        if (!hello.extensions().has(TlsExtension.SUPPORTED_VERSIONS)) {
            return code(hello.legacyVersion());
        }
        int highest = -1;
        for (int v : FingerprintLists.withoutGrease(hello.offered().supportedVersions())) {
            highest = Math.max(highest, v);
        }
        return code(highest);
    }

    /** "13", "12", "11", "10", "s3", "s2", "d1", "d2", "d3", else "00". */
    static String code(int version) {
        return switch (version) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> UNKNOWN;
        };
    }
}
