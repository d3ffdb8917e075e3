package io.tlswatch.cli;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.DocumentSink;
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

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress line on stderr: auto (when stderr is a terminal), always, never.")
    private ProgressLine.Mode progress;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr (errors are still printed).")
    private boolean quiet;

    @Mixin
    private AnalyzerOptions analyzerOptions;

    @Mixin
    private VerdictOptions verdicts;

    @Mixin
    private OutputOptions outputs;

    @Mixin
    private ReportOptions reports;

    @Mixin
    private PrivacyOptions privacy;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException {
        AnalyzerConfig config = analyzerOptions.config();
        VerdictEngine judge = verdicts.build();
        ClientPrivacy clients = privacy.build();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        Replay.Result result;
        Analyzer analyzer;
        Thread flushOnTermination;
        try (DocumentSink sink = reports.around(outputs.open(this::openOutput, config.sensor()))) {
            flushOnTermination = outputs.flushOnTermination();
            analyzer = new Analyzer(config, judge, sink, clients);
            ProgressLine progressLine = new ProgressLine(err, progress.enabled());
            result = new Replay(analyzer, progressLine).run(inputs);
            analyzer.finish();
            progressLine.clear();
        }
        if (flushOnTermination != null) {
            Runtime.getRuntime().removeShutdownHook(flushOnTermination);
        }
        for (Replay.InputError error : result.errors()) {
            err.println("tlswatch: " + error);
        }
        if (!quiet) {
            new Summary(result, analyzer.stats(), analyzer.prevalence(), System.nanoTime() - started)
                    .withCpuTimes(analyzer.cpuTimes()).print(err);
            outputs.summary().forEach(err::println);
            err.flush();
        }
        reports.write(analyzer.prevalence(), config.sensor(), inputs);
        return result.nothingRead() ? Tlswatch.EXIT_FAILURE : 0;
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
