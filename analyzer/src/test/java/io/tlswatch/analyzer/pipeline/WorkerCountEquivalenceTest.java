package io.tlswatch.analyzer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.JsonLinesSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.testkit.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's promise: the documents, byte for byte and in the same order, do not depend on how
 * many workers the flows are sharded over (no flow table here is full, so no eviction depends on
 * the shard sizes).
 */
class WorkerCountEquivalenceTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");

    private static String replay(List<Path> inputs, int workers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLinesSink sink = new JsonLinesSink(out)) {
            Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withSensor("test").withWorkers(workers), sink);
            new Replay(analyzer, (s, p, z, n) -> { }).run(inputs);
            analyzer.finish();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSampleCaptureGivesTheSameDocumentsForOneTwoAndThreeWorkers() throws IOException {
        String one = replay(List.of(SAMPLE), 1);
        assertTrue(one.lines().count() >= 6, one);
        assertEquals(one, replay(List.of(SAMPLE), 2));
        assertEquals(one, replay(List.of(SAMPLE), 3));
    }

    @Test
    void theWholeCorpusGivesTheSameDocumentsForOneAndFourWorkers() throws IOException {
        Path corpus = SharedCorpus.require();
        String one = replay(List.of(corpus), 1);
        assertTrue(one.lines().count() > 1500, "sessions and certificates of the whole corpus");
        String four = replay(List.of(corpus), 4);
        assertEquals(one.lines().count(), four.lines().count());
        assertEquals(one, four);
    }
}
