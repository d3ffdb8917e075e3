package io.tlswatch.analyzer;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The analyzer's bounds and names, each with its default. Immutable; {@code with*} methods return
 * a changed copy.
 *
 * @param sensor               {@code observer.name} in every document
 * @param maxFlows             most flows tracked at once
 * @param idleTimeoutSeconds   a flow without packets this long (capture time) is finished
 * @param windowBytes          most stream bytes held per direction while reassembling a handshake
 * @param bufferMemoryBytes    most memory all reassembly buffers hold together
 * @param maxHandshakeBytes    largest handshake message assembled (a Certificate chain)
 * @param certificateCacheSize distinct certificates whose parse is kept (per worker)
 * @param workers              threads the flows are sharded over
 */
public record AnalyzerConfig(String sensor, int maxFlows, int idleTimeoutSeconds, int windowBytes,
                             long bufferMemoryBytes, int maxHandshakeBytes, int certificateCacheSize,
                             int workers) {

    public static AnalyzerConfig defaults() {
        return new AnalyzerConfig("tlswatch", 1_000_000, 300, 65_536, 512L << 20, 65_536, 100_000, defaultWorkers());
    }

    /** One worker per core but one (the reader and the sink need a core between them), at least one. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public AnalyzerConfig withWorkers(int value) {
        return new AnalyzerConfig(sensor, maxFlows, idleTimeoutSeconds, windowBytes, bufferMemoryBytes,
                maxHandshakeBytes, certificateCacheSize, value);
    }

    /** The local host name, for a sensor that was not given one. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "tlswatch";
        }
    }

    public AnalyzerConfig withSensor(String value) {
        return new AnalyzerConfig(value, maxFlows, idleTimeoutSeconds, windowBytes, bufferMemoryBytes,
                maxHandshakeBytes, certificateCacheSize, workers);
    }

    public AnalyzerConfig withMaxFlows(int value) {
        return new AnalyzerConfig(sensor, value, idleTimeoutSeconds, windowBytes, bufferMemoryBytes,
                maxHandshakeBytes, certificateCacheSize, workers);
    }

    public AnalyzerConfig withIdleTimeoutSeconds(int value) {
        return new AnalyzerConfig(sensor, maxFlows, value, windowBytes, bufferMemoryBytes,
                maxHandshakeBytes, certificateCacheSize, workers);
    }

    public AnalyzerConfig withWindowBytes(int value) {
        return new AnalyzerConfig(sensor, maxFlows, idleTimeoutSeconds, value, bufferMemoryBytes,
                maxHandshakeBytes, certificateCacheSize, workers);
    }

    public AnalyzerConfig withBufferMemoryBytes(long value) {
        return new AnalyzerConfig(sensor, maxFlows, idleTimeoutSeconds, windowBytes, value,
                maxHandshakeBytes, certificateCacheSize, workers);
    }

    public AnalyzerConfig withMaxHandshakeBytes(int value) {
        return new AnalyzerConfig(sensor, maxFlows, idleTimeoutSeconds, windowBytes, bufferMemoryBytes,
                value, certificateCacheSize, workers);
    }
}
