package io.tlswatch.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.decode.DecodeCounters;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.testkit.SharedCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every capture of the shared corpus read to its end and decoded, checked against counts that
 * tshark made (test resource corpus-oracle.tsv, made by capture/tools/corpus-oracle.sh): the packet
 * count and the damage tshark reports, and the packets decoded as TCP and as UDP, each exactly. The
 * two agree on every file today, tunnels (GTP-U, Geneve, 6in4, 4in6, PPPoE over QinQ) included;
 * tshark also follows CAPWAP to an inner UDP, which this decoder reports as the outer UDP (the
 * count is the same). Fragments would differ (tshark reassembles them); none in the corpus changes a count.
 */
class CorpusSmokeTest {

    record Expected(long packets, long tcp, long udp, String damage) {
    }

    @Test
    void everyManifestCaptureReadsToItsEndWithTsharksPacketCountAndTransportCounts() throws IOException {
        Path corpus = SharedCorpus.require();
        Map<String, Expected> oracle = oracle();
        List<String> captures = SharedCorpus.manifestCaptures(corpus);
        DecodeCounters all = new DecodeCounters();
        List<String> problems = new ArrayList<>();
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket decoded = new DecodedPacket();
        PacketRecord record = new PacketRecord();
        long total = 0;
        for (String capture : captures) {
            // A capture added to the corpus after the oracle was made is read, but only checked for errors.
            Expected expected = oracle.getOrDefault(capture, new Expected(-1, -1, -1, "-"));
            DecodeCounters counters = new DecodeCounters();
            long packets = 0;
            String error;
            try (PacketSource source = CaptureFiles.open(corpus.resolve(capture))) {
                while (source.next(record)) {
                    packets++;
                    counters.count(decoder.decode(record, decoded));
                }
                error = source.error();
            }
            total += packets;
            if (expected.packets() >= 0 && packets != expected.packets()) {
                problems.add(capture + ": " + packets + " packets, tshark " + expected.packets());
            }
            if (expected.damage().equals("-") ? error != null : error == null || !error.contains(expected.damage())) {
                problems.add(capture + ": error " + error + ", expected " + expected.damage());
            }
            all.add(counters);
            long tcp = counters.get(DecodeOutcome.TCP);
            long udp = counters.get(DecodeOutcome.UDP);
            if (expected.packets() >= 0 && (tcp != expected.tcp() || udp != expected.udp())) {
                problems.add(capture + ": tcp " + tcp + " udp " + udp + ", tshark tcp " + expected.tcp()
                        + " udp " + expected.udp() + " " + summary(counters));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " captures differ:\n" + String.join("\n", problems));
        assertTrue(total > 80_000, "the corpus holds over 80000 packets, read " + total);
        assertTrue(all.get(DecodeOutcome.TCP) + all.get(DecodeOutcome.UDP) > total * 9 / 10,
                "most corpus packets are TCP or UDP: " + summary(all));
    }

    private static String summary(DecodeCounters counters) {
        StringBuilder s = new StringBuilder();
        for (DecodeOutcome o : DecodeOutcome.values()) {
            if (counters.get(o) > 0) {
                s.append(o).append('=').append(counters.get(o)).append(' ');
            }
        }
        return s.toString();
    }

    static Map<String, Expected> oracle() throws IOException {
        Map<String, Expected> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CorpusSmokeTest.class.getResourceAsStream("corpus-oracle.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(f[0], new Expected(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]));
            }
        }
        return out;
    }
}
