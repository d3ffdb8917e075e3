package io.tlswatch.analyzer.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tshark-made oracle of one corpus capture ({@code expected/<capture>.oracle.tsv} and
 * {@code .hello.oracle.tsv}, made by TShark 4.0.17 with default preferences; see
 * ../shared/corpus/README.md): the Certificate messages and the ClientHello/ServerHello messages
 * tshark decoded, each with its tcp/udp stream and, for hellos, tshark's JA3 or JA3S.
 */
record TsharkOracle(List<Map<String, String>> certificates, List<Map<String, String>> hellos) {

    static TsharkOracle load(Path corpus, String capture) {
        Path expected = corpus.resolve(capture).resolveSibling("expected");
        String name = corpus.resolve(capture).getFileName().toString();
        return new TsharkOracle(rows(expected.resolve(name + ".oracle.tsv")),
                rows(expected.resolve(name + ".hello.oracle.tsv")));
    }

    /** Whether tshark saw this row on a TCP stream (not DTLS or QUIC over UDP). */
    static boolean onTcp(Map<String, String> row) {
        return row.getOrDefault("stream", "").startsWith("tcp");
    }

    /** The server names (or "") of the ClientHellos tshark found on UDP (QUIC or DTLS), sorted. */
    static List<String> udpClientHelloNames(TsharkOracle oracle) {
        return oracle.hellos.stream()
                .filter(r -> r.getOrDefault("stream", "").startsWith("udp"))
                .filter(r -> "ClientHello".equals(r.get("msg")))
                .map(r -> r.getOrDefault("sni", ""))
                .sorted()
                .toList();
    }

    /**
     * tshark's JA3 and JA3S, at most one of each per stream: the JA3 of the stream's first
     * ClientHello and the JA3S of its last ServerHello, as a session keeps its first ClientHello
     * and the ServerHello that follows a HelloRetryRequest. Empty cells publish nothing: tshark
     * computes no JA3 for SSL 2.0-compatible hellos, nor for DTLS.
     */
    List<PublishedFingerprint> fingerprints() {
        Map<String, String> firstJa3 = new LinkedHashMap<>();
        Map<String, String> lastJa3s = new LinkedHashMap<>();
        for (Map<String, String> row : hellos) {
            String stream = row.getOrDefault("stream", "");
            if ("ClientHello".equals(row.get("msg"))) {
                firstJa3.putIfAbsent(stream, row.getOrDefault("ja3_md5(tshark)", ""));
            } else if ("ServerHello".equals(row.get("msg"))) {
                lastJa3s.put(stream, row.getOrDefault("ja3s_md5(tshark)", ""));
            }
        }
        List<PublishedFingerprint> out = new ArrayList<>();
        firstJa3.values().stream().filter(v -> !v.isEmpty())
                .forEach(v -> out.add(new PublishedFingerprint("tshark", Fingerprint.JA3, v)));
        lastJa3s.values().stream().filter(v -> !v.isEmpty())
                .forEach(v -> out.add(new PublishedFingerprint("tshark", Fingerprint.JA3S, v)));
        return out;
    }

    long tcpHelloCount(String message) {
        return hellos.stream().filter(TsharkOracle::onTcp).filter(r -> message.equals(r.get("msg"))).count();
    }

    /** The hellos of one kind tshark found on UDP streams (QUIC or DTLS). */
    long udpHelloCount(String message) {
        return hellos.stream().filter(r -> r.getOrDefault("stream", "").startsWith("udp"))
                .filter(r -> message.equals(r.get("msg"))).count();
    }

    private static List<Map<String, String>> rows(Path tsv) {
        if (!Files.exists(tsv)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(tsv);
            if (lines.isEmpty()) {
                return List.of();
            }
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    row.put(header[i], cells[i]);
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
