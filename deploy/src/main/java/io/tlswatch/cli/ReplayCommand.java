package io.tlswatch.cli;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.output.JsonLinesSink;
import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tlswatch replay}: capture files in, session and certificate documents out (JSON Lines). */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Replays pcap and pcapng files (optionally gzip-compressed, or folders of them) and "
                + "writes one JSON document per line: a session per TLS handshake, with its verdict "
                + "(intercepted, suspected, clean, not_observable) and the evidence, and a certificate per "
                + "distinct certificate. A summary goes to stderr, ending with the prevalence of interception."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:input was read (damaged files are reported on stderr)",
                        "1:nothing could be read, or the output failed",
                        "2:bad command line"})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Capture files or folders of them.")
    private List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the documents here instead of standard output.")
    private Path output;

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

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress line on stderr: auto (when stderr is a terminal), always, never.")
    private ProgressLine.Mode progress;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr (errors are still printed).")
    private boolean quiet;

    @Mixin
    private VerdictOptions verdicts;

    @Mixin
    private PrivacyOptions privacy;

    @Override
    public Integer call() throws IOException {
        AnalyzerConfig config = config();
        VerdictEngine judge = verdicts.build();
        ClientPrivacy clients = privacy.build();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        Replay.Result result;
        Analyzer analyzer;
        try (DocumentSink sink = new JsonLinesSink(openOutput())) {
            analyzer = new Analyzer(config, judge, sink, clients);
            ProgressLine progressLine = new ProgressLine(err, progress.enabled());
            result = new Replay(analyzer, progressLine).run(inputs);
            analyzer.finish();
            progressLine.clear();
        }
        for (Replay.InputError error : result.errors()) {
            err.println("tlswatch: " + error);
        }
        if (!quiet) {
            new Summary(result, analyzer.stats(), analyzer.prevalence(), System.nanoTime() - started).print(err);
        }
        return result.nothingRead() ? Tlswatch.EXIT_FAILURE : 0;
    }

    private AnalyzerConfig config() {
        require(maxFlows >= 1, "--max-flows must be at least 1");
        require(idleTimeoutSeconds >= 1, "--idle-timeout must be at least 1 second");
        require(windowBytes >= 4096 && windowBytes <= (64 << 20), "--handshake-window must be 4096 to 67108864 bytes");
        require(bufferMemoryMiB >= 1, "--buffer-memory must be at least 1 MiB");
        require((long) bufferMemoryMiB << 20 >= windowBytes, "--buffer-memory must hold at least one --handshake-window");
        require(workers == null || workers >= 1 && workers <= 256, "--workers must be 1 to 256");
        return AnalyzerConfig.defaults()
                .withSensor(sensor != null ? sensor : AnalyzerConfig.hostName())
                .withMaxFlows(maxFlows)
                .withIdleTimeoutSeconds(idleTimeoutSeconds)
                .withWindowBytes(windowBytes)
                .withBufferMemoryBytes((long) bufferMemoryMiB << 20)
                .withWorkers(workers != null ? workers : AnalyzerConfig.defaultWorkers());
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    private OutputStream openOutput() throws IOException {
        if (output == null) {
            return System.out;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + output + ": no such directory " + parent);
        }
        return Files.newOutputStream(output);
    }
}
