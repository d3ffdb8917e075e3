package io.tlswatch.cli;

import io.tlswatch.cli.stack.ElasticsearchPrevalence;
import io.tlswatch.cli.stack.EmbeddedStack;
import io.tlswatch.cli.stack.IndexerService;
import io.tlswatch.cli.stack.PrevalenceScreen;
import io.tlswatch.cli.stack.StackContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlswatch demo}: the embedded stack, the shipped samples replayed into it, and the
 * prevalence that came out the other end, read back from Elasticsearch.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Starts the embedded stack as 'tlswatch up' does (Kafka, Elasticsearch and the indexer on "
                + "127.0.0.1, data under --data-dir), replays the sample captures into it as sensor '" + DemoCommand.SENSOR
                + "', waits until the indexer has written them, and prints the prevalence Elasticsearch now holds "
                + "beside the replay's own summary. Runs until Ctrl-C or SIGTERM (or --no-wait). Running it again "
                + "reuses the data: the documents' ids are their content, so nothing is counted twice."})
public final class DemoCommand implements Callable<Integer> {
    /** The sensor name (observer.name) of the replayed samples. */
    static final String SENSOR = "demo";
    /** The roots the synthetic sample's sites chain to, beside it in the samples folder. */
    static final String SAMPLE_ROOTS = "synthetic-public-roots.pem";
    private static final Duration CATCH_UP = Duration.ofSeconds(180);

    @Spec
    private CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "deploy/samples",
            description = "The captures replayed (every capture in DIR), with DIR/" + SAMPLE_ROOTS + " trusted as "
                    + "roots when present; the ./tlswatch launcher sets it to the clone's.")
    private Path samples;

    @Option(names = "--no-wait", description = "Stop the stack and exit after the summary (for scripts and tests).")
    private boolean noWait;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(samples)) {
            throw new IOException("no samples folder " + samples + " (see --samples)");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (EmbeddedStack running = stack.start(err)) {
            StackContext context = running.context();
            context.progress("replaying " + samples + " into Kafka as sensor " + SENSOR);
            int replayed = Tlswatch.run(replayArguments(context), err, Map.of());
            if (replayed != 0) {
                throw new IOException("the replay of the samples failed (status " + replayed + ")");
            }
            context.progress("waiting for the indexer to write every record to Elasticsearch ...");
            if (!running.service(IndexerService.class).awaitCaughtUp(CATCH_UP)) {
                context.progress("the indexer has not caught up in " + CATCH_UP.toSeconds() + " s: counts may be short");
            }
            PrevalenceScreen.print(err, new ElasticsearchPrevalence(context.address(StackContext.ELASTICSEARCH))
                    .of(SENSOR), context.addresses());
            if (!noWait) {
                err.println("tlswatch: the stack keeps running; Ctrl-C stops everything");
                err.flush();
                StackWait.untilSignalled();
            }
        }
        return 0;
    }

    private String[] replayArguments(StackContext context) {
        List<String> args = new ArrayList<>(List.of("replay", "--sensor", SENSOR,
                "--kafka", context.address(StackContext.KAFKA), "--topic-prefix", stack.topicPrefix,
                "--spool", context.dataDir("spool").toString(), "--progress", "never"));
        Path roots = samples.resolve(SAMPLE_ROOTS);
        if (Files.isRegularFile(roots)) {
            args.addAll(List.of("--extra-roots", roots.toString()));
        }
        args.add(samples.toString());
        return args.toArray(String[]::new);
    }
}
