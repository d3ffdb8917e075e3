package io.tlswatch.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * An Elasticsearch node run as a child process from an unpacked distribution (the integ-test zip
 * that Maven fetches; never committed nor bundled). It binds to 127.0.0.1 only, runs without
 * security (loopback is its only protection), and keeps its config, data, logs and temp files
 * under a folder the caller gives, which a later start reuses. Elasticsearch refuses to run as
 * root, so when this JVM is root the node runs as uid 65534 through {@code setpriv} and the
 * folder is handed to that uid. Liveness is cluster health (the integ-test build has no
 * {@code GET /}). {@link #stop()} sends SIGTERM to the node and its children and waits.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
    private static final int NOBODY = 65534;
    private static final long STOP_SECONDS = 60;

    private final Path home;
    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private Process process;

    private EmbeddedElasticsearch(Path home, Path dir, int httpPort, int transportPort, String heap) {
        this.home = home;
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.heap = heap;
    }

    /** Whether {@code home} looks like an unpacked distribution (it has bin/elasticsearch). */
    public static boolean isDistribution(Path home) {
        return home != null && Files.isRegularFile(home.resolve("bin").resolve("elasticsearch"));
    }

    /**
     * Prepares {@code dir} (config copied from the distribution on the first start) and starts the
     * node, returning once cluster health answers: {@link #prepare} then {@link #start(Duration, IntConsumer)}.
     */
    public static EmbeddedElasticsearch start(Path home, Path dir, int port, String heap, Duration timeout,
            IntConsumer waited) throws IOException {
        EmbeddedElasticsearch node = prepare(home, dir, port, heap);
        node.start(timeout, waited);
        return node;
    }

    /**
     * Prepares {@code dir} (config copied from the distribution on the first start) and picks the
     * ports, without starting anything: the caller holds the node before it starts, so that
     * {@link #stop()} from another thread (a shutdown hook) can end a node still starting.
     *
     * @param port the HTTP port, 0 for a free one
     * @param heap the JVM heap, e.g. {@code 512m}
     */
    public static EmbeddedElasticsearch prepare(Path home, Path dir, int port, String heap) throws IOException {
        if (!isDistribution(home)) {
            throw new IOException("no Elasticsearch distribution at " + home + " (bin/elasticsearch missing)");
        }
        if (!Files.isDirectory(dir.resolve("config"))) {
            copyTree(home.resolve("config"), dir.resolve("config"));
        }
        for (String sub : List.of("data", "logs", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (runningAsRoot()) {
            requireSearchableByOthers(home.toAbsolutePath());
            requireSearchableByOthers(dir.toAbsolutePath());
            chownTree(dir);
        }
        return new EmbeddedElasticsearch(home.toAbsolutePath(), dir.toAbsolutePath(), LoopbackPorts.orFree(port),
                LoopbackPorts.free(), heap);
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Starts the node (again, after {@link #stop()}, on the same port and data) and waits until
     * cluster health answers.
     *
     * @param timeout how long the node may take to answer
     * @param waited told the seconds waited so far, about every five seconds (progress lines)
     * @throws IOException when the node cannot be started, dies, is stopped meanwhile or does not
     *     answer in time (with the end of its console)
     */
    public void start(Duration timeout, IntConsumer waited) throws IOException {
        Process started;
        synchronized (this) {
            if (process != null) {
                return;
            }
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_PATH_CONF", dir.resolve("config").toString());
            env.put("ES_TMPDIR", dir.resolve("tmp").toString());
            env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            started = builder.start();
            process = started;
        }
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        int lastTold = 0;
        while (!healthy()) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                boolean stoppedMeanwhile = !running();
                String console = Files.readString(dir.resolve("console.log"), StandardCharsets.UTF_8);
                boolean died = !started.isAlive();
                stop();
                throw new IOException(stoppedMeanwhile ? "Elasticsearch was stopped while starting"
                        : "Elasticsearch " + (died ? "exited" : "did not answer in " + timeout.toSeconds() + " s")
                        + "; the end of " + dir.resolve("console.log") + ":\n"
                        + console.substring(Math.max(0, console.length() - 3000)));
            }
            int seconds = (int) ((System.nanoTime() - t0) / 1_000_000_000L);
            if (seconds >= lastTold + 5) {
                lastTold = seconds;
                waited.accept(seconds);
            }
            sleep(200);
        }
    }

    private List<String> command() {
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
        return command;
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

    public synchronized boolean running() {
        return process != null;
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
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    /** Stops the node; its folder stays. */
    @Override
    public void close() {
        stop();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The node runs as uid 65534, which must be able to reach {@code dir} through its parents. */
    private static void requireSearchableByOthers(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("Elasticsearch runs as uid " + NOBODY + " (it refuses root), which cannot reach "
                        + dir + " because " + p + " is not searchable by others: chmod o+x " + p
                        + " or choose a folder elsewhere");
            }
        }
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

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Elasticsearch was starting", e);
        }
    }
}
