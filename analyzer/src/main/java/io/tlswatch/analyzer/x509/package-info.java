/**
 * X.509 certificates as plain Java values: parsing (RFC 5280) with Bouncy Castle, a bounded cache
 * keyed by the SHA-256 of the DER, and the ECS certificate document.
 *
 * <p>This is the only package that imports Bouncy Castle; everything it hands out
 * ({@link io.tlswatch.analyzer.x509.CertificateInfo} and its parts) is JDK types only.
 *
 * <p>Certificates come off the wire and are hostile. Parsing never throws for bad input: a DER
 * that does not parse yields a {@code CertificateInfo} with a named
 * {@link io.tlswatch.analyzer.x509.CertificateParseError}, and what parses but looks wrong is
 * recorded as {@link io.tlswatch.analyzer.x509.CertificateAnomaly} values. Every string and list
 * kept is bounded by {@link io.tlswatch.analyzer.x509.CertificateLimits}.
 *
 * <p>Parsing happens once per distinct certificate, not per packet: allocation here is fine, but
 * the class with state ({@link io.tlswatch.analyzer.x509.CertificateCache} and
 * its digests) is for one thread: one cache per worker.
 */
package io.tlswatch.analyzer.x509;
