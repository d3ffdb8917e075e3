package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node for tests, run as a child process: the distribution that the build
 * unpacked from Maven Central (the AGPL integ-test zip, never committed) at the path in the system
 * property {@value #HOME_PROPERTY}. It binds to 127.0.0.1 on ports picked free, keeps its config,
 * data, logs and temp files in a folder of its own, runs without security, and as uid 65534 through
 * {@code setpriv} when the tests run as root (Elasticsearch refuses root). Liveness is cluster
 * health (that build has no {@code GET /}). {@link #stop()} sends SIGTERM and waits; {@link #start()}
 * brings it back on the same port and data (an outage); {@link #close()} also deletes its folder,
 * and a shutdown hook stops it should a test forget. Starting takes about 10 s on 2 cores.
 */
public final class ElasticsearchNode implements AutoCloseable {
    /** Where the build unpacked the distribution (set by surefire in the modules that use it). */
    public static final String HOME_PROPERTY = "tlswatch.elasticsearch.home";
    private static final int NOBODY = 65534;
    private static final long START_TIMEOUT_MS = 120_000;

    private final Path home;
    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private final Thread hook = new Thread(this::closeQuietly, "elasticsearch-stop");
    private Process process;

    private ElasticsearchNode(Path home, Path dir, int httpPort, int transportPort) {
        this.home = home;
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /**
     * Starts a node, or skips the test (with the reason) when the build did not unpack the
     * distribution, as when a test is run outside Maven.
     */
    public static ElasticsearchNode launch() {
        String property = System.getProperty(HOME_PROPERTY);
        assumeTrue(property != null && Files.isRegularFile(Paths.get(property, "bin", "elasticsearch")),
                "no Elasticsearch distribution at -D" + HOME_PROPERTY + "=" + property
                        + " (the module's build unpacks it): test skipped");
        try {
            Path home = Paths.get(property).toAbsolutePath();
            Path dir = Files.createTempDirectory("tlswatch-elasticsearch-");
            copyTree(home.resolve("config"), dir.resolve("config"));
            for (String sub : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            if (runningAsRoot()) {
                chownTree(dir);
            }
            ElasticsearchNode node = new ElasticsearchNode(home, dir, KafkaBroker.freePort(), KafkaBroker.freePort());
            Runtime.getRuntime().addShutdownHook(node.hook);
            node.start0();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch", e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the node again on the same port and data (after {@link #stop()}). */
    public synchronized void start() {
        if (process == null) {
            try {
                start0();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Elasticsearch", e);
            }
        }
    }

    private void start0() throws IOException {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : List.of(
                "discovery.type=single-node",
                "network.host=127.0.0.1",
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "xpack.security.enabled=false",
                "path.data=" + dir.resolve("data"),
                "path.logs=" + dir.resolve("logs"),
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "action.destructive_requires_name=false")) {
            command.add("-E" + setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", dir.resolve("config").toString());
        env.put("ES_TMPDIR", dir.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        process = builder.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!healthy()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                String console = Files.readString(dir.resolve("console.log"), StandardCharsets.UTF_8);
                stop();
                throw new IllegalStateException("Elasticsearch did not start: "
                        + console.substring(Math.max(0, console.length() - 3000)));
            }
            sleep(200);
        }
    }

    /** Whether cluster health answers (the node is up and reachable). */
    public boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the node with SIGTERM and waits for it and its children to end (its data stays). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
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

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void chownTree(Path dir) throws IOException {
        try {
            Process p = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("chown " + dir + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
