/**
 * TLS as a passive observer reads it: one direction of a TCP stream in, events out.
 *
 * <p>Entry point: {@link io.tlswatch.analyzer.tls.TlsStreamDecoder}, one per direction, fed by TCP
 * reassembly, raising {@link io.tlswatch.analyzer.tls.TlsEventListener} events. The files follow
 * the RFC areas:
 * <ul>
 * <li>record layer (RFC 8446 §5, RFC 5246 §6.2): {@code TlsRecordLayout}, {@code TlsDetector},
 * {@code TlsStreamDecoder}, {@code ControlRecords} (alerts, heartbeats);</li>
 * <li>handshake layer (RFC 8446 §4, RFC 5246 §7.4): {@code HandshakeLayout},
 * {@code HandshakeAssembler} (messages across records), {@code HandshakeRouter} (messages to
 * events);</li>
 * <li>messages, one type each with a static {@code parse} returning {@link
 * io.tlswatch.analyzer.tls.TlsParse}: {@code ClientHello} (and {@code SslV2HelloLayout}),
 * {@code ServerHello}, {@code CertificateMessage}, {@code CertificateStatus};</li>
 * <li>extensions (RFC 8446 §4.2 and the RFCs of each): {@code TlsExtension},
 * {@code TlsExtensionList}, {@code ExtensionDecoders}, {@code ClientHelloExtensions};</li>
 * <li>names and limits: {@code TlsNames} (IANA registries), {@code TlsLimits},
 * {@code TlsAnomaly}, {@code TlsAnomalyCounters}, {@code EscapedText}.</li>
 * </ul>
 * Parsing stays apart from policy: nothing here judges a handshake, it reports what was sent.
 */
package io.tlswatch.analyzer.tls;
