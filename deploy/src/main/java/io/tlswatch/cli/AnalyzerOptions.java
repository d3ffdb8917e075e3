package io.tlswatch.cli;

import io.tlswatch.analyzer.AnalyzerConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that size the analyzer (flow table, timeouts, reassembly memory, workers) and name
 * the sensor: shared by every command that analyses traffic, replayed or live.
 */
final class AnalyzerOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--sensor", paramLabel = "NAME", description = "observer.name in every document "
            + "(default: the host name).")
    private String sensor;

    @Option(names = "--max-flows", paramLabel = "N", defaultValue = "1000000",
            description = "Most flows tracked at once; the least recently seen is evicted (and counted).")
    private int maxFlows;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "A flow without packets for this long (in capture time) is finished.")
    private int idleTimeoutSeconds;

    @Option(names = "--handshake-window", paramLabel = "BYTES", defaultValue = "65536",
            description = "Most handshake bytes held per direction of a flow while reassembling.")
    private int windowBytes;

    @Option(names = "--buffer-memory", paramLabel = "MiB", defaultValue = "512",
            description = "Most memory all reassembly buffers may hold together.")
    private int bufferMemoryMiB;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads the flows are sharded over (default: one per core but one, at least one).")
    private Integer workers;

    /** The configuration these options describe; a value out of range is a usage error. */
    AnalyzerConfig config() {
        require(maxFlows >= 1, "--max-flows must be at least 1");
        require(idleTimeoutSeconds >= 1, "--idle-timeout must be at least 1 second");
        require(windowBytes >= 4096 && windowBytes <= (64 << 20), "--handshake-window must be 4096 to 67108864 bytes");
        require(bufferMemoryMiB >= 1, "--buffer-memory must be at least 1 MiB");
        require((long) bufferMemoryMiB << 20 >= windowBytes, "--buffer-memory must hold at least one --handshake-window");
        require(workers == null || workers >= 1 && workers <= 256, "--workers must be 1 to 256");
        return AnalyzerConfig.defaults()
                .withSensor(sensor())
                .withMaxFlows(maxFlows)
                .withIdleTimeoutSeconds(idleTimeoutSeconds)
                .withWindowBytes(windowBytes)
                .withBufferMemoryBytes((long) bufferMemoryMiB << 20)
                .withWorkers(workers != null ? workers : AnalyzerConfig.defaultWorkers());
    }

    /** The sensor's name: --sensor, or the host name. */
    String sensor() {
        return sensor != null ? sensor : AnalyzerConfig.hostName();
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
