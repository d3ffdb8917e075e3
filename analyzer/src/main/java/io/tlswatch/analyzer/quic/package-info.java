/**
 * QUIC as a passive observer reads it: the Initial packets of both sides, protected only with keys
 * derived from the client's Destination Connection ID on the wire, opened to hand over the
 * handshake they carry: the client's ClientHello (server name, ALPN, fingerprints) and the
 * server's ServerHello (version, cipher suite, JA3S), two of each after a HelloRetryRequest.
 * Later packets are encrypted with keys an observer cannot derive; they are counted, not read.
 *
 * <p>Entry point: {@link io.tlswatch.analyzer.quic.QuicInitialTracker}, one per UDP flow, fed the
 * flow's datagrams per direction, handing over one {@link io.tlswatch.analyzer.quic.QuicHandshake}
 * (around a {@link io.tlswatch.analyzer.quic.QuicClientHello}), with one
 * {@link io.tlswatch.analyzer.quic.QuicInitialDecoder} (crypto and scratch) and one
 * {@link io.tlswatch.analyzer.quic.QuicCounters} per worker thread. The files follow the RFCs:
 * <ul>
 * <li>packets (RFC 9000 §17, RFC 8999, RFC 9369 §3): {@code QuicLayout}, {@code QuicPacketType},
 * {@code QuicVersion}, {@code QuicPacketHeader};</li>
 * <li>Initial protection (RFC 9001 §5): {@code Hkdf}, {@code QuicInitialKeys} (either side's),
 * {@code InitialKeySchedule} (which DCID's keys, Retry included), {@code InitialPacketProtection};</li>
 * <li>frames and the CRYPTO streams (RFC 9000 §19, RFC 9001 §4): {@code InitialFrameParser},
 * {@code CryptoStreamAssembler}, {@code InitialSide} (one side's packet number space and stream);
 * the hellos in them ({@code InitialHellos}) go to {@link io.tlswatch.analyzer.tls.ClientHello#parse}
 * and {@link io.tlswatch.analyzer.tls.ServerHello#parse};</li>
 * <li>one datagram, one connection: {@code QuicInitialDecoder}, {@code QuicInitialTracker};</li>
 * <li>outcomes and bounds: {@code QuicOutcome}, {@code QuicCounters}, {@code QuicLimits}.</li>
 * </ul>
 * Nothing here throws on the bytes it reads, and every length is bounded before it is trusted.
 */
package io.tlswatch.analyzer.quic;
