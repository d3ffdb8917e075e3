package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.AnalyzerStats;
import io.tlswatch.analyzer.output.DiscardingSink;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capture of many open connections ({@link SynthSettings#handshakesFirst()} with as many
 * concurrent flows as flows): every connection has opened and finished its handshake before the
 * first one closes, each handshake is written without another flow's packets inside it, and the
 * analyzer reads every one of them with no parser lent twice at once.
 */
class HandshakesFirstTest {
    private static final int FLOWS = 300;
    private static final SynthSettings SETTINGS = SynthSettings.of(Mix.HANDSHAKE_HEAVY, FLOWS).withSeed(3)
            .withSites(20).withConcurrentFlows(FLOWS).withHandshakesFirst(true);

    @Test
    void everyConnectionIsOpenAndPastItsHandshakeBeforeTheFirstCloses() throws IOException {
        byte[] capture = write(SETTINGS);
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket d = new DecodedPacket();
        PacketRecord packet = new PacketRecord();
        long index = 0;
        long lastSyn = -1;
        long firstFin = Long.MAX_VALUE;
        List<Long> runs = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open("open.pcap", new ByteArrayInputStream(capture), capture.length)) {
            while (source.next(packet)) {
                assertEquals(DecodeOutcome.TCP, decoder.decode(packet, d));
                if (d.hasTcpFlag(DecodedPacket.TCP_SYN)) {
                    lastSyn = index;
                }
                if (d.hasTcpFlag(DecodedPacket.TCP_FIN) && firstFin == Long.MAX_VALUE) {
                    firstFin = index;
                }
                boolean fromClient = d.dstPort == FlowPlan.SERVER_PORT;
                long client = (fromClient ? d.srcAddrLo : d.dstAddrLo) << 16 | (fromClient ? d.srcPort : d.dstPort);
                if (runs.isEmpty() || runs.get(runs.size() - 1) != client) {
                    runs.add(client);
                }
                index++;
            }
        }
        assertTrue(lastSyn < firstFin, "the last SYN (packet " + lastSyn + ") comes before the first FIN (" + firstFin + ")");
        assertEquals(FLOWS, new HashSet<>(runs.subList(0, FLOWS)).size(),
                "the first runs of packets of one flow are the flows' handshakes, one run each");
        assertTrue(runs.size() >= 2 * FLOWS, "then the rest of each flow (its data, its close) comes in a run of its own");
    }

    @Test
    void theAnalyzerReadsEveryHandshakeOfTheOpenConnections() throws IOException {
        byte[] capture = write(SETTINGS);
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withWorkers(1), new DiscardingSink());
        PacketRecord packet = new PacketRecord();
        try (PacketSource source = CaptureFiles.open("open.pcap", new ByteArrayInputStream(capture), capture.length)) {
            while (source.next(packet)) {
                analyzer.onPacket(packet);
            }
        }
        analyzer.finish();
        AnalyzerStats stats = analyzer.stats();
        assertEquals(FLOWS, stats.tcpFlows());
        assertEquals(FLOWS, stats.sessions().sessions());
        assertEquals(FLOWS, stats.sessions().established());
        assertEquals(FLOWS, stats.sessions().serverChainsSeen(), "handshake-heavy: every flow TLS 1.2 with its chain");
        assertEquals(0, stats.parsersExhausted() + stats.flowsEvicted() + stats.internalErrors());
    }

    @Test
    void eachConnectionIsEstablishedByTheTimeTheNextOneOpens() throws IOException {
        byte[] capture = write(SETTINGS);
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket d = new DecodedPacket();
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withWorkers(1), new DiscardingSink());
        PacketRecord packet = new PacketRecord();
        HashSet<Long> opened = new HashSet<>();
        long previous = -1;
        try (PacketSource source = CaptureFiles.open("open.pcap", new ByteArrayInputStream(capture), capture.length)) {
            while (source.next(packet)) {
                decoder.decode(packet, d);
                boolean fromClient = d.dstPort == FlowPlan.SERVER_PORT;
                long client = (fromClient ? d.srcAddrLo : d.dstAddrLo) << 16 | (fromClient ? d.srcPort : d.dstPort);
                if (client != previous && !opened.add(client)) {
                    break;   // the openings are over: data of a flow already opened
                }
                previous = client;
                analyzer.onPacket(packet);
            }
        }
        analyzer.finish();

        assertEquals(FLOWS, opened.size());
        assertEquals(FLOWS, analyzer.stats().sessions().established(),
                "every session established within its flow's opening, so an open flow holds no parser");
    }

    @Test
    void theSameSettingsGiveTheSameBytes() throws IOException {
        assertArrayEquals(write(SETTINGS), write(SETTINGS));
    }

    private static byte[] write(SynthSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticCapture(settings).writeTo(CaptureFormat.PCAP.open(out), SynthProgress.NONE);
        return out.toByteArray();
    }
}
