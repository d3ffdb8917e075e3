package io.tlswatch.cli;

import io.tlswatch.analyzer.output.kafka.KafkaTopics;
import io.tlswatch.cli.stack.EmbeddedStack;
import io.tlswatch.cli.stack.StackContext;
import io.tlswatch.cli.stack.StackServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where and how the embedded stack of {@code demo} and {@code up} runs: its data folder, its ports
 * on 127.0.0.1 and the Elasticsearch distribution Maven fetched. Shared by both as a picocli mixin.
 */
final class StackOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "var",
            description = "Where the stack keeps its data (Kafka log, Elasticsearch data, spool), reused by the next "
                    + "run; the ./tlswatch launcher sets it to the clone's var/.")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka's port on 127.0.0.1 (0: any free port).")
    int kafkaPort;

    @Option(names = "--elasticsearch-port", paramLabel = "PORT", defaultValue = "9200",
            description = "Elasticsearch's HTTP port on 127.0.0.1 (0: any free port).")
    int elasticsearchPort;

    @Option(names = "--elasticsearch-home", paramLabel = "DIR",
            description = "The unpacked Elasticsearch distribution (default: the newest elasticsearch-* in the data "
                    + "folder, which the ./tlswatch launcher fetches there with Maven).")
    Path elasticsearchHome;

    @Option(names = "--elasticsearch-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "Elasticsearch's JVM heap.")
    String elasticsearchHeap;

    @Option(names = "--dashboard-port", paramLabel = "PORT", defaultValue = "8080",
            description = "The dashboard's port on 127.0.0.1 (0: any free port).")
    int dashboardPort;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = KafkaTopics.DEFAULT_PREFIX,
            description = "The sensors' topic prefix the indexer reads.")
    String topicPrefix;

    /** Starts the stack, with progress lines on {@code err}. */
    EmbeddedStack start(PrintWriter err) throws IOException {
        if (kafkaPort < 0 || kafkaPort > 65_535 || elasticsearchPort < 0 || elasticsearchPort > 65_535) {
            throw new IOException("ports are 0 to 65535");
        }
        if (!elasticsearchHeap.matches("[1-9][0-9]{0,5}[mg]")) {
            throw new IOException("--elasticsearch-heap is a size such as 512m or 1g, not " + elasticsearchHeap);
        }
        Files.createDirectories(dataDir);
        Path home = elasticsearchHome != null ? elasticsearchHome : StackServices.findElasticsearch(dataDir);
        if (home == null) {
            throw new IOException("no Elasticsearch distribution in " + dataDir + ": run ./tlswatch demo from the clone "
                    + "(it fetches one with Maven), or give --elasticsearch-home DIR");
        }
        StackContext context = new StackContext(dataDir.toAbsolutePath(), err);
        return EmbeddedStack.start(StackServices.defaults(kafkaPort, home.toAbsolutePath(), elasticsearchPort,
                elasticsearchHeap, topicPrefix, dashboardPort), context);
    }
}
