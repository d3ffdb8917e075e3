package io.tlswatch.cli.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the services of one stack share: the folder their data lives under, where progress lines
 * go, and the addresses the started services published (by name, in start order).
 */
public final class StackContext {
    /** The address Kafka publishes: bootstrap servers. */
    public static final String KAFKA = "kafka";
    /** The address Elasticsearch publishes: its URL. */
    public static final String ELASTICSEARCH = "elasticsearch";
    /** The address the dashboard publishes: its URL. */
    public static final String DASHBOARD = "dashboard";

    private final Path dataDir;
    private final PrintWriter progress;
    private final Map<String, String> addresses = new LinkedHashMap<>();

    public StackContext(Path dataDir, PrintWriter progress) {
        this.dataDir = dataDir;
        this.progress = progress;
    }

    /** The folder of one service's data, under the stack's ({@code var/kafka}...). */
    public Path dataDir(String service) {
        return dataDir.resolve(service);
    }

    /** Prints one progress line, {@code tlswatch: ...}. */
    public void progress(String line) {
        progress.println("tlswatch: " + line);
        progress.flush();
    }

    /** Publishes a started service's address for the services after it and for the user. */
    public synchronized void publish(String name, String address) {
        addresses.put(name, address);
    }

    /** A published address; throws when no service published it (a stack assembled out of order). */
    public synchronized String address(String name) {
        String address = addresses.get(name);
        if (address == null) {
            throw new IllegalStateException("no service of the stack published " + name + " before it was needed");
        }
        return address;
    }

    /** Whether a service published this address (the dashboard is optional). */
    public synchronized boolean has(String name) {
        return addresses.containsKey(name);
    }

    /** Every published address, in start order. */
    public synchronized Map<String, String> addresses() {
        return new LinkedHashMap<>(addresses);
    }
}
