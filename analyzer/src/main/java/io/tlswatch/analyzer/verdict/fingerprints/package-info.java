/**
 * Interception products recognised by their own ClientHello: a sensor between a proxy and the
 * Internet sees the proxy's hello, not the browser's, and some products' hellos are like no
 * ordinary client's. The approach is Cloudflare's mitmengine (github.com/cloudflare/mitmengine,
 * BSD-3-Clause); without the User-Agent (encrypted) only the product's own fingerprint is left.
 *
 * <p>Files by job: {@code InterceptionHelloTableFormat} describes the TSV (columns, separators,
 * the patterns a value must have); {@code InterceptionHelloTableParser} turns its lines into
 * {@link io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHello} rows or one-line
 * problems; {@link io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos} loads the
 * shipped table ({@value io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos#SHIPPED_RESOURCE})
 * and users' tables over it and answers
 * {@link io.tlswatch.analyzer.verdict.fingerprints.InterceptionMatch}es by JA4 and JA3
 * ({@link io.tlswatch.analyzer.verdict.fingerprints.FingerprintKind}).
 *
 * <p>The shipped table is generated from mitmengine's reference captures by a generator in the
 * analyzer's test sources ({@code InterceptionClientHellosGenerator}; see
 * {@code analyzer/tools/regenerate-interception-clienthellos.sh}). A fingerprint enters it only when
 * no ordinary client of those captures (browsers, OpenSSL, GnuTLS, plain browsers in the misc
 * group) sent it: many products pass the browser's hello through or use the operating system's
 * TLS stack, and a match on such a hello would accuse ordinary clients.
 *
 * <p>A match is evidence, not a verdict: the captures date from 2016, so a product's current
 * hello may differ, and a fingerprint proves only that the hello was built like the product's.
 */
package io.tlswatch.analyzer.verdict.fingerprints;
