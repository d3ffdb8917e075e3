package io.tlswatch.cli.stack;

import io.tlswatch.embedded.EmbeddedElasticsearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The services of the default embedded stack, in start order: one line per service. */
public final class StackServices {
    private StackServices() {
    }

    /**
     * Kafka, Elasticsearch, the indexer and the dashboard.
     *
     * @param kafkaPort Kafka's port on 127.0.0.1 (0: any free one)
     * @param elasticsearchHome the unpacked Elasticsearch distribution
     * @param elasticsearchPort Elasticsearch's HTTP port on 127.0.0.1 (0: any free one)
     * @param elasticsearchHeap its JVM heap, e.g. {@code 512m}
     * @param topicPrefix the sensors' topic prefix
     * @param dashboardPort the dashboard's port on 127.0.0.1 (0: any free one)
     */
    public static List<StackService> defaults(int kafkaPort, Path elasticsearchHome, int elasticsearchPort,
            String elasticsearchHeap, String topicPrefix, int dashboardPort) {
        List<StackService> services = new ArrayList<>();
        services.add(new KafkaService(kafkaPort));
        services.add(new ElasticsearchService(elasticsearchHome, elasticsearchPort, elasticsearchHeap));
        services.add(new IndexerService(topicPrefix));
        services.add(new DashboardService(dashboardPort));
        return services;
    }

    /** The first {@code elasticsearch-*} distribution Maven unpacked under {@code dir}, or null. */
    public static Path findElasticsearch(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("elasticsearch-"))
                    .filter(EmbeddedElasticsearch::isDistribution)
                    .sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
