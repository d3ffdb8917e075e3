package io.tlswatch.cli.stack;

import io.tlswatch.embedded.EmbeddedElasticsearch;
import io.tlswatch.embedded.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stack's Elasticsearch node, a child process of the distribution Maven fetched, data under
 * {@code DATA/elasticsearch}; publishes its URL. Starting takes tens of seconds: it says so.
 */
final class ElasticsearchService implements StackService {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final int port;
    private final String heap;
    private volatile EmbeddedElasticsearch node;

    /**
     * @param home the unpacked distribution
     * @param port the HTTP port on 127.0.0.1, 0 for a free one
     * @param heap its JVM heap, e.g. {@code 512m}
     */
    ElasticsearchService(Path home, int port, String heap) {
        this.home = home;
        this.port = port;
        this.heap = heap;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public void start(StackContext context) throws IOException {
        LoopbackPorts.requireFree(port, "Elasticsearch", "--elasticsearch-port");
        context.progress("elasticsearch takes 10 to 60 s to start; its log is in " + context.dataDir(name()));
        EmbeddedElasticsearch prepared = EmbeddedElasticsearch.prepare(home, context.dataDir(name()), port, heap);
        node = prepared; // before it starts: a Ctrl-C while it starts stops it
        prepared.start(START_TIMEOUT, seconds -> context.progress("... waiting for elasticsearch (" + seconds + " s)"));
        context.publish(StackContext.ELASTICSEARCH, node.url());
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
        }
    }
}
