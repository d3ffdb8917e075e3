package io.tlswatch.cli;

import io.tlswatch.dashboards.indexer.Indexer;
import io.tlswatch.dashboards.indexer.IndexerConfig;
import io.tlswatch.dashboards.indexer.IndexerCounters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tlswatch index}: the analyzer's Kafka topics into Elasticsearch, until stopped. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Consumes the documents sensors publish to Kafka and writes them to Elasticsearch with the bulk "
                + "API, each under an id derived from its content, so that redeliveries and replays are not counted "
                + "twice. Offsets are committed only after Elasticsearch acknowledged every document; documents it "
                + "rejects go to PREFIX.deadletter with the reason. Indexers with the same --group share the "
                + "partitions. Installs the index templates on start. Runs until SIGTERM (or --exit-when-idle)."})
public final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Kafka bootstrap servers (required; also $TLSWATCH_KAFKA or a configuration file).")
    private String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL...) for the consumer and the dead-letter producer "
                    + "(also $TLSWATCH_KAFKA_CONFIG).")
    private Path kafkaConfig;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "e.g. http://127.0.0.1:9200 (required; also $TLSWATCH_ELASTICSEARCH or a configuration file).")
    private String elasticsearch;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "tlswatch",
            description = "The sensors' --topic-prefix.")
    private String topicPrefix;

    @Option(names = "--group", paramLabel = "ID", defaultValue = IndexerConfig.DEFAULT_GROUP,
            description = "Kafka consumer group.")
    private String group;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000", description = "Records per bulk request.")
    private int batch;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS",
            description = "Stop after this long without a record (for batch runs and benchmarks).")
    private Integer exitWhenIdle;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (String[] required : new String[][] {{"--kafka", kafka}, {"--elasticsearch", elasticsearch}}) {
            if (required[1] == null || required[1].isBlank()) {
                throw new ParameterException(spec.commandLine(), "missing required option " + required[0]);
            }
        }
        Properties props = OutputOptions.kafkaProperties(kafkaConfig);
        props.put("bootstrap.servers", kafka);
        if (batch < 1 || batch > 100_000) {
            throw new IOException("--batch must be 1 to 100000");
        }
        IndexerConfig config;
        try {
            config = new IndexerConfig(props, topicPrefix, group, elasticsearch, batch,
                    exitWhenIdle == null ? null : Duration.ofSeconds(exitWhenIdle));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (Indexer indexer = new Indexer(config)) {
            Thread worker = new Thread(indexer, "tlswatch-indexer");
            Thread stopOnTermination = new Thread(() -> {
                indexer.stop();
                try {
                    worker.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tlswatch-indexer-stop");
            Runtime.getRuntime().addShutdownHook(stopOnTermination);
            worker.start();
            worker.join();
            Runtime.getRuntime().removeShutdownHook(stopOnTermination);
            print(err, indexer.counters(), System.nanoTime() - started);
        }
        return 0;
    }

    private static void print(PrintWriter err, IndexerCounters c, long nanos) {
        double seconds = Math.max(nanos / 1e9, 1e-9);
        err.printf(Locale.ROOT, "tlswatch index: %,d records in %.1f s (%,.0f/s): indexed %,d, already there %,d, "
                        + "dead-lettered %,d; %,d bulk requests, %,d retries, %,d commits%n", c.records(), seconds,
                c.records() / seconds, c.indexed(), c.alreadyIndexed(), c.deadLettered(), c.bulkRequests(), c.retries(),
                c.commits());
        err.flush();
    }
}
