package io.tlswatch.analyzer.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every fingerprint the shared corpus publishes, against ours: each capture replayed through the
 * analyzer (the replay {@link CorpusGoldenTest} makes, shared), each session's JA3, JA3S and JA4
 * renderings computed from its hellos, and every value the peers published for that capture
 * compared with them per source and rendering: tshark's JA3/JA3S, FoxIO's python, rust and
 * wireshark outputs, suricata-verify's checks, Arkime's sessions, nDPI's flows, Zeek's ssl.log.
 * Where tlswatch knowingly differs, {@code corpus-fingerprint-corrections.tsv} lists the value, ours
 * and the reason; those rows are checked as well. Skipped without ../shared.
 */
class CorpusFingerprintTest {
    private static final List<FingerprintCorrection> CORRECTIONS =
            FingerprintCorrection.load("corpus-fingerprint-corrections.tsv");
    /**
     * Published values each source holds at least, so that a reader that stops finding them
     * fails here rather than comparing nothing (counts of the corpus files, not of our output).
     */
    private static final Map<String, Integer> AT_LEAST = Map.of(
            "tshark", 3300,
            "ndpi", 1700,
            "arkime", 100,
            "foxio-python", 40,
            "foxio-rust", 10,
            "suricata-verify", 16);

    @Test
    void everyPublishedFingerprintMatchesOursOrIsAnExplainedCorrection() {
        Path corpus = SharedCorpus.require();
        Map<String, FingerprintComparison.Tally> tallies = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, String> row : SharedCorpus.manifestRows(corpus)) {
            String capture = row.get("path");
            List<PublishedFingerprint> published =
                    PeerFingerprints.of(corpus, capture, row.getOrDefault("peer_expected_files", ""));
            List<SessionFingerprints> ours = CorpusGoldenTest.replay(corpus.resolve(capture)).fingerprints();
            FingerprintComparison.Result result = FingerprintComparison.compare(capture, published, ours, CORRECTIONS);
            result.tallies().forEach((source, tally) -> tallies.merge(source, tally, FingerprintComparison.Tally::plus));
            problems.addAll(result.problems());
        }
        tallies.forEach((source, t) -> System.out.printf("%s: %d published fingerprints compared, %d matched,"
                + " %d corrected%n", source, t.compared(), t.matched(), t.corrected()));

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems (a value not matched reads as the row"
                + " corpus-fingerprint-corrections.tsv would need; ours: our unmatched values of that kind):\n"
                + String.join("\n", problems));
        AT_LEAST.forEach((source, least) -> {
            int compared = tallies.getOrDefault(source, FingerprintComparison.Tally.NONE).compared();
            assertTrue(compared >= least, source + ": " + compared + " published values compared, expected at least " + least);
        });
    }
}
