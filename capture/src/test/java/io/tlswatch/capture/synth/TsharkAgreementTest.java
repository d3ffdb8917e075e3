package io.tlswatch.capture.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.testkit.Hex;
import io.tlswatch.testkit.Tshark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark's view of a generated capture: every IPv4 and TCP checksum good, the sequence and
 * acknowledgement numbers, lengths, flags and VLAN as built, no TCP analysis complaint on the clean
 * connections, the damage named as a retransmission and a lost segment, and the followed streams
 * equal to the bytes sent. Skipped where tshark is not installed.
 */
class TsharkAgreementTest {
    private static final byte[] REQUEST = TcpConversationTest.REQUEST;
    private static final byte[] BODY = body(5000);

    @TempDir
    static Path dir;
    private static Path capture;
    private static final List<TcpConversation> CONVERSATIONS = new ArrayList<>();

    @BeforeAll
    static void writeCapture() throws IOException {
        TcpConversation clean = TcpConversation.between(TcpEndpoint.of("10.1.0.1", 40000), TcpEndpoint.of("10.2.0.2", 443))
                .initialSequenceNumbers(0xffff_ffe0L, 0xffff_f000L).handshake().client(REQUEST).server(BODY).close();
        TcpConversation ipv6 = TcpConversation.between(TcpEndpoint.of("2001:db8::1", 40001),
                TcpEndpoint.of("2001:db8::2", 443)).vlan(42).startAt(clean.endNanos() + 1_000_000)
                .handshake().segmentSize(1000).client(REQUEST).server(BODY).close();
        TcpConversation damaged = TcpConversation.between(TcpEndpoint.of("10.1.0.1", 40002),
                TcpEndpoint.of("10.2.0.2", 443)).startAt(ipv6.endNanos() + 1_000_000)
                .handshake().client(REQUEST).server(BODY).close();
        damaged.retransmit(damaged.indexOf(Side.SERVER, 1460));
        damaged.drop(damaged.indexOf(Side.SERVER, 3000));
        CONVERSATIONS.addAll(List.of(clean, ipv6, damaged));
        capture = dir.resolve("synth.pcap");
        try (OutputStream out = Files.newOutputStream(capture)) {
            FrameSink sink = FrameSink.pcap(new PcapWriter(out, LinkType.ETHERNET));
            for (TcpConversation c : CONVERSATIONS) {
                c.writeTo(sink);
            }
        }
    }

    @BeforeEach
    void requireTshark() {
        Tshark.require();
    }

    @Test
    void everyFrameIsAsBuiltWithGoodChecksums() {
        List<String[]> rows = Tshark.fields(capture, "ip.version", "ip.checksum.status", "tcp.checksum.status",
                "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "tcp.flags", "vlan.id", "tcp.stream");
        List<Segment> built = new ArrayList<>();
        CONVERSATIONS.forEach(c -> built.addAll(c.segments()));
        assertEquals(built.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            Segment s = built.get(i);
            int frame = i + 1;
            int stream = Integer.parseInt(r[8]);
            assertAll("frame " + frame,
                    () -> assertEquals(stream == 1 ? "" : "1", r[1], "IPv4 header checksum good (IPv6 has none)"),
                    () -> assertEquals("1", r[2], "TCP checksum good"),
                    () -> assertEquals(Long.toString(s.seq()), r[3]),
                    () -> assertEquals(s.has(io.tlswatch.capture.decode.DecodedPacket.TCP_ACK) ? Long.toString(s.ack()) : "0",
                            r[4]),
                    () -> assertEquals(Integer.toString(s.length()), r[5]),
                    () -> assertEquals(String.format("0x%04x", s.flags()), r[6]),
                    () -> assertEquals(stream == 1 ? "42" : "", r[7]));
        }
    }

    @Test
    void cleanConnectionsDrawNoAnalysisAndTheDamageIsNamed() {
        List<String[]> rows = Tshark.fields(capture, "tcp.stream", "tcp.analysis.retransmission",
                "tcp.analysis.lost_segment", "tcp.analysis.out_of_order", "tcp.seq_raw");
        List<String> findings = new ArrayList<>();
        for (String[] r : rows) {
            String what = (r[1].isEmpty() ? "" : " retransmission") + (r[2].isEmpty() ? "" : " lost_segment")
                    + (r[3].isEmpty() ? "" : " out_of_order");
            if (!what.isEmpty()) {
                findings.add("stream " + r[0] + " seq " + r[4] + ":" + what);
            }
        }
        long serverData = CONVERSATIONS.get(2).initialSequenceNumber(Side.SERVER) + 1;
        assertEquals(List.of("stream 2 seq " + (serverData + 1460) + ": retransmission",
                "stream 2 seq " + (serverData + 4380) + ": lost_segment"), findings);
    }

    @Test
    void followedStreamsAreTheBytesSent() {
        for (int stream = 0; stream < 2; stream++) {
            String[] followed = Tshark.followRaw(capture, stream);
            assertEquals(Hex.of(REQUEST), followed[0], "client side of stream " + stream);
            assertEquals(Hex.of(BODY), followed[1], "server side of stream " + stream);
        }
    }

    private static byte[] body(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append("tlswatch synthetic body ").append(s.length()).append('\n');
        }
        return s.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
