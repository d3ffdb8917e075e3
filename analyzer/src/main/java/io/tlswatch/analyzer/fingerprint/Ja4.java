package io.tlswatch.analyzer.fingerprint;

import static io.tlswatch.analyzer.fingerprint.FingerprintLists.hex4;
import static io.tlswatch.analyzer.fingerprint.FingerprintLists.sorted;
import static io.tlswatch.analyzer.fingerprint.FingerprintLists.withoutGrease;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import java.util.Objects;

/**
 * JA4, the TLS client fingerprint of FoxIO (github.com/FoxIO-LLC/ja4, technical_details/JA4.md;
 * JA4 itself is BSD-3-Clause), with the three other renderings the reference prints:
 *
 * <pre>
 *   t13d1516h2_8daaf6152771_e5627efa2ab1
 *   a          b            c
 *   a: transport (t, q, d), version, SNI (d) or none (i), cipher count, extension count, ALPN
 *   b: SHA-256 of the sorted cipher list, 12 hex digits
 *   c: SHA-256 of the sorted extension list without SNI (0000) and ALPN (0010),
 *      then '_' and the signature algorithms in their order (no '_' when there are none)
 * </pre>
 *
 * <ul>
 * <li>GREASE (RFC 8701) is dropped everywhere: ciphers, extensions, supported_versions,
 * signature algorithms. SCSVs (0x00ff, 0x5600) and unknown values stay.</li>
 * <li>Counts are of the non-GREASE values, SNI and ALPN included, two digits, capped at 99.</li>
 * <li>The version is the numerically highest non-GREASE value of supported_versions when the
 * extension is there, else legacy_version: "13", "12", "11", "10", "s3", "s2", "d1", "d2", "d3",
 * anything else "00" (a draft, or an extension with no usable value).</li>
 * <li>The ALPN characters are the first and last of the first protocol name; when either byte is
 * not ASCII alphanumeric, the first and last digit of the name in hex (the specification's rule;
 * FoxIO's python and rust print "99" there); "00" for no name.</li>
 * <li>The SNI flag is 'd' whenever a server_name extension is present, whatever it names (an
 * address literal too); 'i' when there is none.</li>
 * <li>Signature algorithms are those of signature_algorithms (13) only, not of
 * signature_algorithms_cert or delegated_credentials.</li>
 * <li>A hash over no values is "000000000000": no ciphers for b; for c, no extensions left once
 * SNI and ALPN are out, in both the sorted and the original rendering (as FoxIO's python prints
 * it).</li>
 * <li>{@code ja4_o} and {@code ja4_ro} keep the original order and, in c, SNI and ALPN.</li>
 * </ul>
 *
 * <p>The SSL 2.0-compatible ClientHello (RFC 5246 Appendix E.2) is fingerprinted from what it
 * offers: its legacy version ("10", or "s2" for SSL 2.0 itself), its TLS cipher suites (the
 * specs whose first byte is 0), no extensions. FoxIO's python prints nothing for it; the spec's
 * "s2" is only reachable this way.
 *
 * @param ja4 the fingerprint ({@code ja4})
 * @param ja4Raw the unhashed, sorted form ({@code ja4_r})
 * @param ja4Original the hashed form in wire order, SNI and ALPN kept ({@code ja4_o})
 * @param ja4RawOriginal the unhashed form in wire order ({@code ja4_ro})
 */
public record Ja4(String ja4, String ja4Raw, String ja4Original, String ja4RawOriginal) {
    private static final int MAX_COUNT = 99;

    public Ja4 {
        Objects.requireNonNull(ja4, "ja4");
        Objects.requireNonNull(ja4Raw, "ja4Raw");
        Objects.requireNonNull(ja4Original, "ja4Original");
        Objects.requireNonNull(ja4RawOriginal, "ja4RawOriginal");
    }

    /** The JA4 of {@code hello}, which came over {@code transport}. */
    public static Ja4 of(ClientHello hello, Ja4Transport transport) {
        int[] ciphers = withoutGrease(hello.cipherSuites());
        int[] extensions = withoutGrease(hello.extensions().types());
        int[] hashedExtensions = FingerprintLists.without(extensions, TlsExtension.SERVER_NAME, TlsExtension.ALPN);
        String signatures = hex4(withoutGrease(hello.offered().signatureAlgorithms()));
        char sni = hello.extensions().has(TlsExtension.SERVER_NAME) ? 'd' : 'i';
        String a = "" + transport.code() + Ja4Version.of(hello) + sni + count(ciphers.length) + count(extensions.length)
                + Ja4Alpn.of(hello.offered().alpnProtocolBytes());

        String sortedCiphers = hex4(sorted(ciphers));
        String originalCiphers = hex4(ciphers);
        String sortedExtensions = withSignatures(hex4(sorted(hashedExtensions)), signatures);
        String originalExtensions = withSignatures(hex4(extensions), signatures);
        boolean noCiphers = ciphers.length == 0;
        boolean noExtensions = hashedExtensions.length == 0;
        return new Ja4(
                a + "_" + hash(sortedCiphers, noCiphers) + "_" + hash(sortedExtensions, noExtensions),
                a + "_" + sortedCiphers + "_" + sortedExtensions,
                a + "_" + hash(originalCiphers, noCiphers) + "_" + hash(originalExtensions, noExtensions),
                a + "_" + originalCiphers + "_" + originalExtensions);
    }

    private static String count(int n) {
        int capped = Math.min(n, MAX_COUNT);
        return capped < 10 ? "0" + capped : Integer.toString(capped);
    }

    private static String withSignatures(String extensions, String signatures) {
        return signatures.isEmpty() ? extensions : extensions + "_" + signatures;
    }

    private static String hash(String list, boolean empty) {
        return empty ? Digests.JA4_EMPTY : Digests.sha256Prefix(list);
    }
}
