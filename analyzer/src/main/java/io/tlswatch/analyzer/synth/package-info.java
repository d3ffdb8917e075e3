/**
 * Synthetic captures: TCP flows with real TLS 1.2 and 1.3 handshakes and application data, written
 * deterministically from a seed at any size, for tests (small) and benchmarks (large).
 *
 * <ul>
 * <li>{@link io.tlswatch.analyzer.synth.SyntheticCapture} writes one to a
 * {@link io.tlswatch.capture.synth.FrameSink}, as its {@link io.tlswatch.analyzer.synth.SynthSettings}
 * and {@link io.tlswatch.analyzer.synth.Mix} say, and tells what it wrote
 * ({@link io.tlswatch.analyzer.synth.SynthStats}); {@link io.tlswatch.analyzer.synth.CaptureFormat}
 * opens a pcap or pcapng file for it; {@link io.tlswatch.analyzer.synth.FlowPlan} is what one flow
 * will be, so tests can compare what a replay finds with what was planned;</li>
 * <li>the TLS bytes: {@link io.tlswatch.analyzer.synth.TlsBytes} (the presentation language),
 * {@link io.tlswatch.analyzer.synth.BrowserClientHello},
 * {@link io.tlswatch.analyzer.synth.Tls12Messages} and
 * {@link io.tlswatch.analyzer.synth.Tls13Messages}, also used by the tests that write handshakes of
 * their own;</li>
 * <li>inside: {@code FlowPlanner} decides the flows, {@code HandshakeFlights} writes each
 * handshake's flights, {@code SynthFlow} writes one flow a step at a time on
 * {@link io.tlswatch.capture.synth.TcpConversation}s, {@code StepWriter} keeps the capture clock,
 * {@code ApplicationDataRecords} writes ciphertext-looking records without allocating.</li>
 * </ul>
 *
 * <p>The certificates come from {@link io.tlswatch.analyzer.x509.synth.SyntheticPki}: this package
 * needs no Bouncy Castle.
 */
package io.tlswatch.analyzer.synth;
