package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.fingerprint.Ja3s;
import io.tlswatch.analyzer.net.IpAddressText;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every QUIC capture of the shared corpus, read packet by packet, one tracker per UDP flow (its
 * client the sender of the flow's first datagram), against the tshark oracle's hello rows on UDP
 * streams: the same server name and ALPN for every flow's ClientHello, the same JA3S for every
 * flow's (last) ServerHello. Skipped without ../shared.
 */
class CorpusQuicTest {
    /**
     * Flows whose hello this package does not read by design, and why: tshark opens Initials of
     * reserved versions with draft-29 keys and Google QUIC T050 with its own salt.
     */
    private static final Map<String, QuicOutcome> NOT_READ = Map.of(
            "ndpi/quic_interop_V.pcapng", QuicOutcome.RESERVED_VERSION,
            "ndpi/quic_t50.pcap", QuicOutcome.UNSUPPORTED_VERSION);
    /** Hellos tshark misses and this package reads: quic_vn's v1 Initial after a reserved version. */
    private static final List<String> READ_BEYOND_ORACLE = List.of("tcpdump/quic_vn.pcap");

    @Test
    void everyQuicCapturesHellosMatchTheTsharkOracle() throws IOException {
        Path corpus = SharedCorpus.require();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int serverHellosCompared = 0;
        for (String capture : quicCaptures(corpus)) {
            Map<String, String> expected = oracleHellos(corpus, capture, "ClientHello", "sni", "alpn");
            Map<String, String> expectedServer = oracleHellos(corpus, capture, "ServerHello", "ja3s_md5(tshark)");
            Replay replay = Replay.of(corpus.resolve(capture));
            if (NOT_READ.containsKey(capture)) {
                assertTrue(replay.counters.get(NOT_READ.get(capture)) > 0, capture + ": " + replay.counters);
                continue;
            }
            compare(capture, expected, replay.hellos, replay.counters, mismatches);
            compare(capture, expectedServer, replay.serverHellos, replay.counters, mismatches);
            if (replay.hellos.size() > expected.size() && !READ_BEYOND_ORACLE.contains(capture)) {
                mismatches.add(capture + ": read " + replay.hellos.keySet() + ", oracle " + expected.keySet());
            }
            if (replay.serverHellos.size() > expectedServer.size()) {
                mismatches.add(capture + ": ServerHellos read " + replay.serverHellos.keySet() + ", oracle "
                        + expectedServer.keySet());
            }
            compared += expected.size();
            serverHellosCompared += expectedServer.size();
        }
        assertEquals(List.of(), mismatches);
        assertTrue(compared >= 140, "oracle ClientHellos compared: " + compared);
        assertTrue(serverHellosCompared >= 25, "oracle ServerHellos compared: " + serverHellosCompared);
    }

    private static void compare(String capture, Map<String, String> expected, Map<String, String> read,
            QuicCounters counters, List<String> mismatches) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = read.get(e.getKey());
            if (!e.getValue().equals(actual)) {
                mismatches.add(capture + " " + e.getKey() + ": oracle " + e.getValue() + ", read " + actual
                        + " (" + counters + ")");
            }
        }
    }

    /** Captures the manifest describes as QUIC. */
    private static List<String> quicCaptures(Path corpus) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String[] cells = line.split("\t");
            if (cells.length > 5 && cells[5].contains("QUIC")) {
                out.add(cells[0]);
            }
        }
        return out;
    }

    /**
     * The oracle's hellos of one kind per UDP flow, keyed "client:port>server:port", the named
     * columns joined by a space: the first ClientHello's, the last ServerHello's (the one after
     * a HelloRetryRequest, as a session keeps it).
     */
    private static Map<String, String> oracleHellos(Path corpus, String capture, String message, String... columns)
            throws IOException {
        Path file = corpus.resolve(capture).resolveSibling("expected")
                .resolve(corpus.resolve(capture).getFileName() + ".hello.oracle.tsv");
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        boolean fromClient = message.equals("ClientHello");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c[header.indexOf("msg")].equals(message) && c[header.indexOf("stream")].startsWith("udp")) {
                String src = c[header.indexOf("src_ip")] + ":" + c[header.indexOf("src_port")];
                String dst = c[header.indexOf("dst_ip")] + ":" + c[header.indexOf("dst_port")];
                String flow = fromClient ? src + ">" + dst : dst + ">" + src;
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(c[header.indexOf(column)]);
                }
                String value = String.join(" ", values);
                if (fromClient) {
                    out.putIfAbsent(flow, value);
                } else {
                    out.put(flow, value);
                }
            }
        }
        return out;
    }

    /** One capture fed through trackers, one per UDP flow. */
    private static final class Replay {
        final QuicCounters counters = new QuicCounters();
        final Map<String, String> hellos = new LinkedHashMap<>();
        final Map<String, String> serverHellos = new LinkedHashMap<>();
        private final QuicInitialDecoder decoder = new QuicInitialDecoder();
        private final Map<String, QuicInitialTracker> trackers = new LinkedHashMap<>();

        static Replay of(Path capture) throws IOException {
            Replay replay = new Replay();
            StandardPacketDecoder packets = new StandardPacketDecoder();
            PacketRecord record = new PacketRecord();
            DecodedPacket p = new DecodedPacket();
            try (PacketSource source = CaptureFiles.open(capture)) {
                while (source.next(record)) {
                    if (packets.decode(record, p) == DecodeOutcome.UDP && p.payloadLength > 0) {
                        replay.datagram(record, p);
                    }
                }
            }
            replay.trackers.forEach((flow, tracker) -> replay.handedOver(flow, tracker.endOfFlow()));
            return replay;
        }

        private void datagram(PacketRecord record, DecodedPacket p) {
            String src = IpAddressText.format(p.srcAddrHi, p.srcAddrLo) + ":" + p.srcPort;
            String dst = IpAddressText.format(p.dstAddrHi, p.dstAddrLo) + ":" + p.dstPort;
            String flow = src + ">" + dst;
            QuicInitialTracker fromServer = trackers.get(dst + ">" + src);
            if (fromServer != null) {
                handedOver(dst + ">" + src, fromServer.feedFromServer(record.data(), p.payloadOffset, p.payloadLength,
                        record.timestampNanos()));
                return;
            }
            handedOver(flow, trackers.computeIfAbsent(flow, f -> new QuicInitialTracker(decoder, counters))
                    .feedFromClient(record.data(), p.payloadOffset, p.payloadLength, record.timestampNanos()));
        }

        private void handedOver(String flow, QuicHandshake handshake) {
            if (handshake == null) {
                return;
            }
            ClientHello hello = handshake.client().hello();
            String sni = hello.offered().serverName();
            hellos.put(flow, (sni == null ? "" : sni) + " " + String.join("|", hello.offered().alpnProtocols()));
            if (handshake.serverHello() != null) {
                serverHellos.put(flow, Ja3s.of(handshake.serverHello()).md5());
            }
        }
    }
}
