/**
 * The trust side of the interception verdict: a dated snapshot of Mozilla's root store
 * ({@link io.tlswatch.analyzer.x509.trust.TrustStore}), and the judgement of the chain a server
 * sent against it ({@link io.tlswatch.analyzer.x509.trust.ChainValidator}, cached by chain in
 * {@link io.tlswatch.analyzer.x509.trust.ChainVerdictCache}) into a
 * {@link io.tlswatch.analyzer.x509.trust.ChainVerdict} of named failures and notes.
 *
 * <p>Files by job: {@code PemBundle} reads PEM (RFC 7468); {@code TrustStore} and
 * {@code TrustAnchor} hold the roots; {@code TrustStoreSnapshot} refreshes the shipped copy
 * (resource {@code mozilla-roots.pem}, provenance in {@code SOURCE.md});
 * {@code ChainCertificate} is one decoded certificate, {@code NameKey} its names as lookup keys;
 * {@code CertificateLayout} locates the signed bytes; {@code SignatureCheck} verifies one
 * signature; {@code PathBuilder} searches paths; {@code PathChecks} applies RFC 5280's
 * time-independent policy to one path; {@code CandidatePath} and {@code ChainAnalysis} hold the
 * result so that {@code judgeAt} a capture time is cheap; {@code ServerNameCheck},
 * {@code HostnameMatcher} and {@code IpLiteral} match the server name (RFC 6125);
 * {@code ChainVerdict}, {@code PathAnchor}, {@code ChainFailure} and {@code ChainNote} are the
 * answer; {@code DecodedCertificates}, {@code LruMap} and {@code Sha256Hex} serve the caches;
 * {@code TrustLimits} holds every bound.
 *
 * <p>Why our own path builder: Bouncy Castle's PKIX {@code CertPathBuilder} stops at the first
 * problem with an exception, so it cannot say which of several things is wrong, does not rank
 * partial paths (a gap versus an untrusted root versus a forged signature is exactly what the
 * interception rules need told apart), costs a provider round trip per certificate, and judges
 * validity at one fixed date per build. A small depth-first search by issuer name with signature
 * checks through Bouncy Castle's {@code ContentVerifierProvider} does all of this in a few
 * hundred lines, bounded by {@link io.tlswatch.analyzer.x509.trust.TrustLimits}.
 *
 * <p>Threads: a {@code TrustStore} is immutable and shared; a {@code ChainValidator} and a
 * {@code ChainVerdictCache} are for one thread each (one per worker). Work happens once per
 * handshake (and once per distinct chain with the cache), never per packet.
 */
package io.tlswatch.analyzer.x509.trust;
