package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.embedded.EmbeddedElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * A real Elasticsearch node for tests: the embedded stack's {@link EmbeddedElasticsearch} (a child
 * process on 127.0.0.1, without security, as uid 65534 when the tests run as root) from the
 * distribution that the build unpacked from Maven Central (the AGPL integ-test zip, never
 * committed) at the path in the system property {@value #HOME_PROPERTY}, on a port picked free,
 * with its config, data, logs and temp files in a temp folder of its own. {@link #stop()} sends
 * SIGTERM and waits; {@link #start()} brings it back on the same port and data (an outage);
 * {@link #close()} also deletes its folder, and a shutdown hook stops it should a test forget.
 * Starting takes about 10 s on 2 cores.
 */
public final class ElasticsearchNode implements AutoCloseable {
    /** Where the build unpacked the distribution (set by surefire in the modules that use it). */
    public static final String HOME_PROPERTY = "tlswatch.elasticsearch.home";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String HEAP = "512m";

    private final Path dir;
    private final EmbeddedElasticsearch node;
    private final Thread hook = new Thread(this::closeQuietly, "elasticsearch-stop");

    private ElasticsearchNode(Path dir, EmbeddedElasticsearch node) {
        this.dir = dir;
        this.node = node;
    }

    /** The distribution the build unpacked, or null when the property is not set (run outside Maven). */
    public static Path home() {
        String property = System.getProperty(HOME_PROPERTY);
        return property == null ? null : Paths.get(property).toAbsolutePath();
    }

    /**
     * Starts a node, or skips the test (with the reason) when the build did not unpack the
     * distribution, as when a test is run outside Maven.
     */
    public static ElasticsearchNode launch() {
        Path home = home();
        assumeTrue(EmbeddedElasticsearch.isDistribution(home), "no Elasticsearch distribution at -D" + HOME_PROPERTY
                + "=" + home + " (the module's build unpacks it): test skipped");
        try {
            Path dir = Files.createTempDirectory("tlswatch-elasticsearch-");
            ElasticsearchNode node = new ElasticsearchNode(dir,
                    EmbeddedElasticsearch.start(home, dir, 0, HEAP, START_TIMEOUT, seconds -> { }));
            Runtime.getRuntime().addShutdownHook(node.hook);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch did not start: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return node.url();
    }

    /** Starts the node again on the same port and data (after {@link #stop()}). */
    public void start() {
        try {
            node.start(START_TIMEOUT, seconds -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch", e);
        }
    }

    /** Whether cluster health answers (the node is up and reachable). */
    public boolean healthy() {
        return node.healthy();
    }

    /** Stops the node with SIGTERM and waits for it and its children to end (its data stays). */
    public void stop() {
        node.stop();
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran
        }
    }

    private void closeQuietly() {
        stop();
        KafkaBroker.deleteTree(dir);
    }
}
