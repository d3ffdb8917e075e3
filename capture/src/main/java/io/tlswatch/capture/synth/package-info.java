/**
 * Synthetic TCP conversations for tests and generated captures: the packets of one connection
 * between a client and a server, Ethernet-framed (optionally 802.1Q-tagged) over IPv4 or IPv6,
 * with correct sequence and acknowledgement numbers and checksums, and operations that damage it
 * the way networks and taps do (reordering, retransmission, conflicting retransmission, loss,
 * pickup in mid-stream).
 *
 * <ul>
 * <li>{@link io.tlswatch.capture.synth.TcpConversation} builds the segments of a connection,
 * damages them, and writes them as frames;</li>
 * <li>{@link io.tlswatch.capture.synth.TcpEndpoint} and {@link io.tlswatch.capture.synth.Side}
 * name its two ends; {@link io.tlswatch.capture.synth.Segment} is one segment as built;</li>
 * <li>{@link io.tlswatch.capture.synth.FrameSink} is where frames go (a pcap or pcapng writer, a
 * list of {@link io.tlswatch.capture.synth.SynthPacket}s, any consumer);</li>
 * <li>inside: {@code FrameLayout} describes the bytes of a frame, {@code FrameEncoder} writes one
 * segment as one frame, {@code InternetChecksum} is the RFC 1071 sum of both checksums.</li>
 * </ul>
 */
package io.tlswatch.capture.synth;
