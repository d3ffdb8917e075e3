package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.capture.synth.FrameSink;
import io.tlswatch.capture.synth.SynthPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small synthetic capture read back frame by frame with the capture module's own decoder: the
 * same seed gives the same file and another seed another; every planned flow is one connection from
 * SYN to the last ACK whose two byte streams run on without a gap and are whole TLS records, with
 * exactly the planned application data; flows overlap, but never more than the bound; the mixes
 * have the shapes they promise.
 */
class SyntheticCaptureTest {
    private static final SynthSettings SMALL = SynthSettings.of(Mix.REALISTIC, 48).withSeed(11).withDataBytes(30_000)
            .withSites(16).withForgedShare(0.25).withConcurrentFlows(12);

    private static SyntheticCapture capture;
    private static SynthStats stats;
    private static List<SynthPacket> packets;
    private static byte[] pcap;

    @BeforeAll
    static void write() throws IOException {
        capture = new SyntheticCapture(SMALL);
        packets = new ArrayList<>();
        stats = capture.writeTo(FrameSink.list(packets), SynthProgress.NONE);
        pcap = pcapOf(capture, CaptureFormat.PCAP);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
        byte[] again = pcapOf(new SyntheticCapture(SMALL), CaptureFormat.PCAP);
        assertArrayEquals(sha256(pcap), sha256(again));
        byte[] other = pcapOf(new SyntheticCapture(SMALL.withSeed(12)), CaptureFormat.PCAP);
        assertFalse(MessageDigest.isEqual(sha256(pcap), sha256(other)));
    }

    @Test
    void theCountsAreWhatWasWritten() {
        List<FlowPlan> plans = plans(capture);
        assertAll(
                () -> assertEquals(SMALL.flows(), stats.flows()),
                () -> assertEquals(packets.size(), stats.packets()),
                () -> assertEquals(packets.stream().mapToLong(p -> p.frame().length).sum(), stats.frameBytes()),
                () -> assertEquals(plans.stream().filter(FlowPlan::tls13).count(), stats.tls13Flows()),
                () -> assertEquals(plans.stream().filter(FlowPlan::forged).count(), stats.forgedFlows()),
                () -> assertEquals(plans.stream().filter(FlowPlan::forgeryVisible).count(), stats.forgedVisible()),
                () -> assertEquals(stats.forgedFlows(), stats.forgedBy().values().stream().mapToLong(Long::longValue).sum()),
                () -> assertEquals(plans.stream().mapToLong(p -> p.clientDataBytes() + p.serverDataBytes()).sum(),
                        stats.applicationBytes()),
                () -> assertEquals(packets.get(0).timestampNanos(), stats.firstNanos()),
                () -> assertEquals(packets.get(packets.size() - 1).timestampNanos(), stats.lastNanos()));
        assertTrue(stats.forgedFlows() > 0 && stats.tls13Flows() > 0 && stats.tls13Flows() < stats.flows(),
                "the small capture has both versions and forgeries: " + stats);
    }

    @Test
    void captureTimeMovesForwardFromPacketToPacket() {
        for (int i = 1; i < packets.size(); i++) {
            assertTrue(packets.get(i).timestampNanos() > packets.get(i - 1).timestampNanos(), "packet " + i);
        }
    }

    @Test
    void everyPlannedFlowIsOneConnectionWhoseStreamsRunOnAsWholeTlsRecords() {
        Map<Long, FlowPlan> byClient = new HashMap<>();
        plans(capture).forEach(p -> byClient.put(clientKey(p.clientAddress(), p.clientPort()), p));
        Map<Long, Connection> connections = new HashMap<>();
        for (SynthPacket packet : packets) {
            DecodedPacket d = decode(packet);
            boolean fromClient = d.dstPort == FlowPlan.SERVER_PORT;
            long key = connectionOf(d);
            FlowPlan plan = byClient.get(key);
            assertNotNull(plan, "a packet of no planned flow");
            connections.computeIfAbsent(key, k -> new Connection(plan)).add(d, packet.frame(), fromClient);
        }
        assertEquals(SMALL.flows(), connections.size());
        for (Connection c : connections.values()) {
            c.assertWhole();
        }
    }

    @Test
    void flowsOverlapInTimeButNeverMoreThanTheBound() {
        Map<Long, Integer> first = new HashMap<>();
        Map<Long, Integer> last = new HashMap<>();
        for (int i = 0; i < packets.size(); i++) {
            long key = connectionOf(decode(packets.get(i)));
            first.putIfAbsent(key, i);
            last.put(key, i);
        }
        int most = 0;
        for (int i = 0; i < packets.size(); i++) {
            int at = i;
            int inProgress = (int) first.keySet().stream().filter(k -> first.get(k) <= at && at <= last.get(k)).count();
            most = Math.max(most, inProgress);
        }
        assertEquals(SMALL.concurrentFlows(), most, "as many flows in progress as allowed, and not more");
    }

    @Test
    void directClientsAndEachInterceptorsClientsHaveSubnetsOfTheirOwn() {
        for (FlowPlan p : plans(capture)) {
            int second = p.clientAddress() >>> 16 & 0xff;
            assertEquals(10, p.clientAddress() >>> 24);
            assertEquals(p.forged() ? 100 + p.forgedBy().ordinal() : 1, second, "flow " + p.index());
            assertEquals((198 << 24 | 18 << 16) >>> 17, p.serverAddress() >>> 17, "in 198.18.0.0/15");
        }
    }

    @Test
    void theRealisticMixCarriesHundredsOfDataPacketsPerHandshake() throws IOException {
        SynthSettings realistic = SynthSettings.of(Mix.REALISTIC, 10).withSites(4);
        SynthStats s = new SyntheticCapture(realistic).writeTo((t, b, o, l) -> { }, SynthProgress.NONE);
        double perFlow = (double) s.packets() / s.flows();
        assertTrue(perFlow > 200 && perFlow < 500, perFlow + " packets per flow");
        assertTrue(s.frameBytes() / s.packets() > 1000, "mostly full segments: " + s.frameBytes() / s.packets() + " bytes");
    }

    @Test
    void theHandshakeHeavyMixIsTls12HandshakesWithALittleData() throws IOException {
        SynthSettings heavy = SynthSettings.of(Mix.HANDSHAKE_HEAVY, 200).withSites(4);
        SynthStats s = new SyntheticCapture(heavy).writeTo((t, b, o, l) -> { }, SynthProgress.NONE);
        assertEquals(0, s.tls13Flows());
        assertEquals(200L * Mix.HANDSHAKE_HEAVY.dataBytes(), s.applicationBytes());
        assertTrue(s.packets() / s.flows() < 25, s.packets() / s.flows() + " packets per flow");
    }

    @Test
    void pcapngHoldsTheSameFramesAsPcap() throws IOException {
        byte[] pcapng = pcapOf(capture, CaptureFormat.PCAPNG);
        assertEquals(0x0a0d0d0a, (pcapng[0] & 0xff) | (pcapng[1] & 0xff) << 8 | (pcapng[2] & 0xff) << 16 | (pcapng[3] & 0xff) << 24);
        List<byte[]> fromPcap = frames(pcap);
        List<byte[]> fromPcapng = frames(pcapng);
        assertEquals(packets.size(), fromPcap.size());
        assertEquals(fromPcap.size(), fromPcapng.size());
        for (int i = 0; i < fromPcap.size(); i++) {
            assertArrayEquals(fromPcap.get(i), fromPcapng.get(i), "frame " + i);
        }
    }

    @Test
    void theProgressListenerHearsTheEnd() throws IOException {
        long[] last = new long[3];
        new SyntheticCapture(SMALL.withDataBytes(SynthSettings.MIN_DATA_BYTES)).writeTo((t, b, o, l) -> { },
                (done, planned, packets) -> {
                    last[0] = done;
                    last[1] = planned;
                    last[2] = packets;
                });
        assertEquals(SMALL.flows(), last[0]);
        assertEquals(SMALL.flows(), last[1]);
        assertTrue(last[2] > 10 * SMALL.flows());
    }

    /** One connection as read back: its plan, and each side's bytes in order. */
    private static final class Connection {
        final FlowPlan plan;
        final ByteArrayOutputStream[] streams = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        final long[] next = new long[2];
        int syns;
        int fins;

        Connection(FlowPlan plan) {
            this.plan = plan;
        }

        void add(DecodedPacket d, byte[] frame, boolean fromClient) {
            int side = fromClient ? 0 : 1;
            if ((d.tcpFlags & DecodedPacket.TCP_SYN) != 0) {
                syns++;
                next[side] = d.tcpSeq + 1 & 0xffff_ffffL;
                return;
            }
            if (d.payloadLength > 0) {
                assertEquals(next[side], d.tcpSeq, "flow " + plan.index() + ": the stream runs on without a gap");
                streams[side].write(frame, d.payloadOffset, d.payloadLength);
                next[side] = d.tcpSeq + d.payloadLength & 0xffff_ffffL;
            }
            if ((d.tcpFlags & DecodedPacket.TCP_FIN) != 0) {
                fins++;
                next[side] = next[side] + 1 & 0xffff_ffffL;
            }
        }

        void assertWhole() {
            assertEquals(2, syns, "SYN and SYN-ACK");
            assertEquals(2, fins, "a FIN from each side");
            long[] applicationData = new long[2];
            for (int side = 0; side < 2; side++) {
                byte[] s = streams[side].toByteArray();
                int at = 0;
                while (at < s.length) {
                    assertTrue(at + TlsRecordLayout.HEADER_LENGTH <= s.length, "a record header cut short");
                    int type = TlsRecordLayout.type(s, at);
                    int length = TlsRecordLayout.length(s, at);
                    assertTrue(TlsRecordLayout.isKnownType(type) && TlsRecordLayout.isKnownVersion(TlsRecordLayout.version(s, at))
                            && length <= TlsRecordLayout.MAX_PLAINTEXT_LENGTH + 256, "record at " + at);
                    if (type == TlsRecordLayout.APPLICATION_DATA) {
                        applicationData[side] += TlsRecordLayout.HEADER_LENGTH + length;
                    }
                    at += TlsRecordLayout.HEADER_LENGTH + length;
                }
                assertEquals(s.length, at, "the stream ends with a whole record");
            }
            if (plan.tls13()) {
                assertTrue(applicationData[0] > plan.clientDataBytes() && applicationData[1] > plan.serverDataBytes(),
                        "TLS 1.3 protects its handshake in application-data records too");
            } else {
                assertEquals(plan.clientDataBytes(), applicationData[0], "flow " + plan.index());
                assertEquals(plan.serverDataBytes(), applicationData[1], "flow " + plan.index());
            }
        }
    }

    /** The connection a packet belongs to: its client's address and port. */
    private static long connectionOf(DecodedPacket d) {
        boolean fromClient = d.dstPort == FlowPlan.SERVER_PORT;
        return fromClient ? clientKey((int) d.srcAddrLo, d.srcPort) : clientKey((int) d.dstAddrLo, d.dstPort);
    }

    private static long clientKey(int address, int port) {
        return (address & 0xffff_ffffL) << 16 | port;
    }

    private static DecodedPacket decode(SynthPacket packet) {
        DecodedPacket out = new DecodedPacket();
        assertEquals(DecodeOutcome.TCP, new StandardPacketDecoder().decode(packet.into(new PacketRecord()), out));
        return out;
    }

    private static List<FlowPlan> plans(SyntheticCapture c) {
        List<FlowPlan> out = new ArrayList<>();
        for (Iterator<FlowPlan> it = c.plans(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static byte[] pcapOf(SyntheticCapture c, CaptureFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.writeTo(format.open(out), SynthProgress.NONE);
        return out.toByteArray();
    }

    private static List<byte[]> frames(byte[] file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open("synth", new ByteArrayInputStream(file), file.length)) {
            PacketRecord r = new PacketRecord();
            while (source.next(r)) {
                out.add(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
