package io.tlswatch.analyzer.flow;

import io.tlswatch.capture.synth.TcpConversation;
import java.util.ArrayList;
import java.util.List;

/**
 * The datagrams of one UDP flow between a client and a server, written as Ethernet frames with
 * IPv4 (RFC 791, no options) and UDP (RFC 768, checksum 0, which IPv4 allows): for the tests that
 * feed QUIC flows to a whole analyzer. Capture time advances by a millisecond per datagram, plus
 * any {@link #pause}.
 */
final class UdpFrames {
    /** One frame and its capture time. */
    record Frame(long timeNanos, byte[] bytes) {
    }

    private static final int ETHERNET_HEADER = 14;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int PROTOCOL_UDP = 17;
    private static final long STEP_NANOS = 1_000_000L;

    private final byte[] clientIp;
    private final int clientPort;
    private final byte[] serverIp;
    private final int serverPort;
    private final List<Frame> frames = new ArrayList<>();
    private long time;

    UdpFrames(byte[] clientIp, int clientPort, byte[] serverIp, int serverPort) {
        this(clientIp, clientPort, serverIp, serverPort, TcpConversation.DEFAULT_START_NANOS);
    }

    UdpFrames(byte[] clientIp, int clientPort, byte[] serverIp, int serverPort, long startNanos) {
        this.clientIp = clientIp.clone();
        this.clientPort = clientPort;
        this.serverIp = serverIp.clone();
        this.serverPort = serverPort;
        this.time = startNanos;
    }

    UdpFrames fromClient(byte[] payload) {
        return add(clientIp, clientPort, serverIp, serverPort, payload);
    }

    UdpFrames fromServer(byte[] payload) {
        return add(serverIp, serverPort, clientIp, clientPort, payload);
    }

    UdpFrames pause(long nanos) {
        time += nanos;
        return this;
    }

    List<Frame> frames() {
        return frames;
    }

    /** The capture time of the last frame. */
    long endNanos() {
        return time;
    }

    private UdpFrames add(byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, byte[] payload) {
        byte[] f = new byte[ETHERNET_HEADER + IPV4_HEADER + UDP_HEADER + payload.length];
        f[0] = 0x02;                                   // destination and source MACs: locally administered
        f[6] = 0x02;
        f[11] = 1;
        put16(f, 12, 0x0800);
        int ip = ETHERNET_HEADER;
        f[ip] = 0x45;
        put16(f, ip + 2, IPV4_HEADER + UDP_HEADER + payload.length);
        put16(f, ip + 6, 0x4000);                      // don't fragment
        f[ip + 8] = 64;
        f[ip + 9] = PROTOCOL_UDP;
        System.arraycopy(srcIp, 0, f, ip + 12, 4);
        System.arraycopy(dstIp, 0, f, ip + 16, 4);
        put16(f, ip + 10, checksum(f, ip, IPV4_HEADER));
        int udp = ip + IPV4_HEADER;
        put16(f, udp, srcPort);
        put16(f, udp + 2, dstPort);
        put16(f, udp + 4, UDP_HEADER + payload.length);
        System.arraycopy(payload, 0, f, udp + UDP_HEADER, payload.length);
        time += STEP_NANOS;
        frames.add(new Frame(time, f));
        return this;
    }

    private static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += (b[off + i] & 0xff) << 8 | b[off + i + 1] & 0xff;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
