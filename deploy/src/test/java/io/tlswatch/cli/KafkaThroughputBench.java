package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.output.kafka.KafkaDocumentSink;
import io.tlswatch.analyzer.output.kafka.KafkaSinkConfig;
import io.tlswatch.analyzer.output.kafka.KafkaTopics;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.dashboards.indexer.Indexer;
import io.tlswatch.dashboards.indexer.IndexerConfig;
import io.tlswatch.testkit.ElasticsearchNode;
import io.tlswatch.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (its name does not end in Test): deploy/bench/kafka-throughput.sh runs
 * it. Documents of a synthetic capture (sessions and certificates, as a replay makes them) into the
 * test broker through the Kafka sink, then through one indexer into the test Elasticsearch; prints
 * records/s of each and appends them to the file in -Dtlswatch.bench.out.
 */
class KafkaThroughputBench {

    @Test
    void producerAndIndexerThroughput() throws Exception {
        int flows = Integer.getInteger("tlswatch.bench.flows", 50_000);
        List<Document> documents = new ArrayList<>();
        DocumentSink keep = new DocumentSink() {
            @Override
            public void accept(Document d) {
                documents.add(d);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(1 << 16), keep);
        PacketRecord packet = new PacketRecord();
        new SyntheticCapture(SynthSettings.of(Mix.HANDSHAKE_HEAVY, flows)).writeTo((time, buffer, offset, length) -> {
            packet.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
            analyzer.onPacket(packet);
        }, SynthProgress.NONE);
        analyzer.finish();

        try (ElasticsearchNode es = ElasticsearchNode.launch(); KafkaBroker broker = KafkaBroker.launch(3)) {
            Path spool = Files.createTempDirectory("bench-spool");
            KafkaSinkConfig config = new KafkaSinkConfig(KafkaSinkConfig.producerProperties(broker.bootstrapServers(),
                    Map.of()), new KafkaTopics("bench"), spool, 1L << 30, KafkaSinkConfig.DEFAULT_SEGMENT_BYTES,
                    Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            KafkaDocumentSink sink = KafkaDocumentSink.open(config);
            for (Document d : documents) {
                sink.accept(d);
            }
            sink.close();
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(documents.size(), sink.counters().acked());

            Duration idle = Duration.ofSeconds(2);
            IndexerConfig ic = new IndexerConfig(broker.clientProperties(Map.of()), "bench", "bench-indexer", es.url(),
                    IndexerConfig.DEFAULT_BATCH, idle);
            long t1 = System.nanoTime();
            try (Indexer indexer = new Indexer(ic)) {
                indexer.run();
                double indexSeconds = (System.nanoTime() - t1) / 1e9 - idle.toSeconds();
                assertEquals(documents.size(), indexer.counters().indexed());
                String line = String.format(Locale.ROOT, "%d documents (%d flows, handshake-heavy synthetic): producer %.0f "
                                + "records/s (%.2f s, acks=all, idempotent, zstd, 3 partitions); indexer %.0f documents/s "
                                + "(%.2f s, bulk of %d, 1 indexer, 1-node Elasticsearch %s, 512 MiB heap)",
                        documents.size(), flows, documents.size() / produceSeconds, produceSeconds,
                        documents.size() / indexSeconds, indexSeconds, IndexerConfig.DEFAULT_BATCH, "8.19");
                System.out.println("BENCH " + line);
                String out = System.getProperty("tlswatch.bench.out");
                if (out != null) {
                    Files.writeString(Path.of(out), line + System.lineSeparator(),
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
    }
}
