/**
 * Client and server fingerprints of a TLS handshake, pure functions of the parsed hellos of
 * {@link io.tlswatch.analyzer.tls}: {@link io.tlswatch.analyzer.fingerprint.Ja3} and
 * {@link io.tlswatch.analyzer.fingerprint.Ja3s} (Salesforce, BSD-3-Clause) and
 * {@link io.tlswatch.analyzer.fingerprint.Ja4} (FoxIO, BSD-3-Clause). Computed once per
 * handshake; small values, no state.
 *
 * <p>The values are those the references print: Salesforce's python/ja3.py and ja3s.py and
 * TShark's {@code tls.handshake.ja3_full}/{@code ja3s_full} for JA3 and JA3S; FoxIO's
 * technical_details/JA4.md with its python and rust outputs for JA4. Where the references part
 * ways, this package chooses, and says so where the rule is written:
 * <ul>
 * <li>ALPN whose first or last byte is not ASCII alphanumeric: the specification's hex rule
 * ("bd" for 0xba 0xad), not the "99" FoxIO's python and rust outputs print
 * ({@code Ja4Alpn});</li>
 * <li>the SSL 2.0-compatible ClientHello: no JA3 (the reference and TShark compute none); a JA4
 * from its version and TLS cipher suites, where FoxIO's python prints nothing ({@link
 * io.tlswatch.analyzer.fingerprint.Ja4});</li>
 * <li>a TLS 1.3 draft ServerHello in the short draft layout: JA3S from its fields as the TLS
 * package reads them, where TShark and dpkt read the TLS 1.2 layout into garbage
 * ({@link io.tlswatch.analyzer.fingerprint.Ja3s});</li>
 * <li>JA4 is not computed for JA4+ (JA4S, JA4X and the rest are under the FoxIO License 1.1).</li>
 * </ul>
 */
package io.tlswatch.analyzer.fingerprint;
