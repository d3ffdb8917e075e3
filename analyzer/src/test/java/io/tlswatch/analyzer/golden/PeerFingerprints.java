package io.tlswatch.analyzer.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fingerprint the shared corpus publishes for one capture: tshark's, from the capture's
 * {@code .hello.oracle.tsv}, and the peer projects', from the expected outputs the manifest lists
 * for it ({@code peer_expected_files}), each file read by the reader of its format. A file of any
 * other format (Zeek's x509.log, tcpdump's output) must not mention JA3 or JA4, so that a new kind
 * of file with fingerprints cannot go unread.
 */
final class PeerFingerprints {
    private PeerFingerprints() {
    }

    /**
     * @param peerFiles the manifest's comma-separated paths, relative to the corpus
     */
    static List<PublishedFingerprint> of(Path corpus, String capture, String peerFiles) {
        List<PublishedFingerprint> out = new ArrayList<>(TsharkOracle.load(corpus, capture).fingerprints());
        List<List<PublishedFingerprint>> suricataTests = new ArrayList<>();
        for (String peer : peerFiles.split(",")) {
            if (peer.endsWith(".test.yaml")) {
                suricataTests.add(read(corpus.resolve(peer), peer));
            } else if (!peer.isBlank()) {
                out.addAll(read(corpus.resolve(peer), peer));
            }
        }
        out.addAll(union(suricataTests));
        return out;
    }

    /**
     * Several suricata-verify tests may replay one capture with other settings, each repeating
     * the checks that do not change: a value is published as often as the test that publishes it
     * most often says, not the sum of the tests.
     */
    static List<PublishedFingerprint> union(List<List<PublishedFingerprint>> tests) {
        Map<PublishedFingerprint, Integer> most = new LinkedHashMap<>();
        for (List<PublishedFingerprint> test : tests) {
            Map<PublishedFingerprint, Integer> counts = new LinkedHashMap<>();
            test.forEach(p -> counts.merge(p, 1, Integer::sum));
            counts.forEach((p, n) -> most.merge(p, n, Math::max));
        }
        List<PublishedFingerprint> out = new ArrayList<>();
        most.forEach((p, n) -> out.addAll(Collections.nCopies(n, p)));
        return out;
    }

    private static List<PublishedFingerprint> read(Path file, String where) {
        String text = text(file);
        String name = file.getFileName().toString();
        List<String> lines = text.lines().toList();
        if (name.endsWith(".ja4-python.json")) {
            return FoxioOutputs.python(JsonLeaves.of(text), where);
        } else if (name.endsWith(".ja4-rust.snap")) {
            return FoxioOutputs.rust(lines, where);
        } else if (name.endsWith(".ja4-wireshark.json")) {
            return FoxioOutputs.wireshark(JsonLeaves.of(text), where);
        } else if (name.endsWith(".test.yaml")) {
            return SuricataChecks.fingerprints(lines, where);
        } else if (name.endsWith(".arkime.test.json")) {
            return ArkimeSessions.fingerprints(JsonLeaves.of(text), where);
        } else if (name.endsWith(".ndpi.out")) {
            return NdpiFlows.fingerprints(lines, where);
        } else if (name.endsWith(".ssl.log")) {
            return ZeekSslLog.fingerprints(lines, where);
        }
        if (Fingerprint.looksLikeOne(text)) {
            throw new IllegalStateException(where + ": mentions JA3 or JA4, but this test has no reader for its format");
        }
        return List.of();
    }

    /** The file as text; the formats are ASCII or UTF-8, a stray byte becomes U+FFFD. */
    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
