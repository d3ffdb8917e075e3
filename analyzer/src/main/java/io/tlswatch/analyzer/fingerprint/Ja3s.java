package io.tlswatch.analyzer.fingerprint;

import static io.tlswatch.analyzer.fingerprint.FingerprintLists.decimal;

import io.tlswatch.analyzer.tls.ServerHello;
import java.util.Objects;

/**
 * JA3S, the server fingerprint of Salesforce's reference (github.com/salesforce/ja3,
 * python/ja3s.py), which TShark's {@code tls.handshake.ja3s_full} reproduces:
 *
 * <pre>
 *   SSLVersion,Cipher,Extensions
 *   771,49199,0-11-65281-16-35-23
 * </pre>
 *
 * SSLVersion is the ServerHello's legacy_version in decimal (a TLS 1.3 server's 771, not
 * supported_versions' 772), Cipher the selected suite, Extensions the types in wire order,
 * '-' between; none leaves the field empty after its comma ("770,53,"). The reference removes no
 * GREASE here. A HelloRetryRequest is a ServerHello on the wire and gets a JA3S too.
 *
 * <p>A TLS 1.3 draft ServerHello in the short layout of drafts up to 21 (no session id, no
 * compression method; see {@link ServerHello}) is read with that layout: its true cipher suite and
 * extensions. TShark and the reference's dpkt read it with the TLS 1.2 layout and print garbage
 * there (suricata-verify's tls13-draft14 capture: TShark "772,44205,", this class
 * "772,49195,40").
 *
 * @param text the JA3S string
 * @param md5 its MD5, 32 lower-case hex digits
 */
public record Ja3s(String text, String md5) {
    public Ja3s {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(md5, "md5");
    }

    /** The JA3S of {@code hello} (a ServerHello or HelloRetryRequest). */
    public static Ja3s of(ServerHello hello) {
        String text = hello.legacyVersion() + "," + hello.cipherSuite() + "," + decimal(hello.extensions().types());
        return new Ja3s(text, Digests.md5Hex(text));
    }
}
