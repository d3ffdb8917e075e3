/**
 * Synthetic TCP conversations for tests and generated captures: the packets of one connection
 * between a client and a server, Ethernet-framed (optionally 802.1Q-tagged) over IPv4 or IPv6,
 * with correct sequence and acknowledgement numbers and checksums, and operations that damage it
 * the way networks and taps do (reordering, retransmission, conflicting retransmission, loss,
 * pickup in mid-stream).
 *
 * <ul>
 * <li>{@link io.tlswatch.capture.synth.TcpConversation}: builds the segments of a connection and
 * writes them as frames;</li>
 * <li>{@link io.tlswatch.capture.synth.Segment}: one scheduled segment, as built;</li>
 * <li>{@link io.tlswatch.capture.synth.FrameLayout}: the bytes of the frames it writes;</li>
 * <li>{@link io.tlswatch.capture.synth.FrameEncoder}: one segment into one frame, checksums
 * included;</li>
 * <li>{@link io.tlswatch.capture.synth.InternetChecksum}: the RFC 1071 sum both checksums use;</li>
 * <li>{@link io.tlswatch.capture.synth.FrameSink}: where frames go (a pcap or pcapng writer, a
 * list, a consumer).</li>
 * </ul>
 */
package io.tlswatch.capture.synth;
