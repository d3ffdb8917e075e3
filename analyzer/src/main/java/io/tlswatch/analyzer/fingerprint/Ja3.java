package io.tlswatch.analyzer.fingerprint;

import static io.tlswatch.analyzer.fingerprint.FingerprintLists.decimal;
import static io.tlswatch.analyzer.fingerprint.FingerprintLists.withoutGrease;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ClientHelloExtensions;
import java.util.Objects;
import java.util.Optional;

/**
 * JA3, the client fingerprint of Salesforce's reference (github.com/salesforce/ja3,
 * python/ja3.py), which TShark's {@code tls.handshake.ja3_full} reproduces:
 *
 * <pre>
 *   SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats
 *   771,4865-4866-4867-49195,0-23-65281-10-11-35-16-5-13-18-51-45-43-27-21,29-23-24,0
 * </pre>
 *
 * <ul>
 * <li>SSLVersion is the ClientHello's legacy_version in decimal (never supported_versions);</li>
 * <li>Ciphers, Extensions (the types in wire order, padding and unknown types included) and
 * EllipticCurves (supported_groups, RFC 8422 §5.1.1) are decimal, '-' between, GREASE (RFC 8701)
 * removed; EllipticCurvePointFormats (RFC 8422 §5.1.2) likewise (its values are 8-bit, so no
 * GREASE can occur);</li>
 * <li>a missing extensions block, or an extension list without supported_groups or
 * ec_point_formats, leaves its fields empty and keeps the commas: "769,4-5-10,,,";</li>
 * <li>the MD5 of the text, lower-case hex, is the fingerprint.</li>
 * </ul>
 *
 * A malformed or repeated supported_groups or ec_point_formats extension contributes what the TLS
 * package decoded: the first occurrence, nothing if it is malformed (the references disagree there,
 * and both cases break RFC 8446 §4.2).
 *
 * @param text the JA3 string
 * @param md5 its MD5, 32 lower-case hex digits
 */
public record Ja3(String text, String md5) {
    public Ja3 {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(md5, "md5");
    }

    /**
     * The JA3 of {@code hello}, or empty for the SSL 2.0-compatible form: the reference only
     * reads TLS handshake records, and TShark computes none for it either.
     */
    public static Optional<Ja3> of(ClientHello hello) {
        if (hello.sslv2Compatible()) {
            return Optional.empty();
        }
        ClientHelloExtensions offered = hello.offered();
        String text = hello.legacyVersion()
                + "," + decimal(withoutGrease(hello.cipherSuites()))
                + "," + decimal(withoutGrease(hello.extensions().types()))
                + "," + decimal(withoutGrease(offered.supportedGroups()))
                + "," + decimal(offered.ecPointFormats());
        return Optional.of(new Ja3(text, Digests.md5Hex(text)));
    }
}
