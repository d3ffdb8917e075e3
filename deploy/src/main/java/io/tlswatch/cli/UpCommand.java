package io.tlswatch.cli;

import io.tlswatch.cli.stack.EmbeddedStack;
import io.tlswatch.cli.stack.PrevalenceScreen;
import io.tlswatch.cli.stack.StackContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlswatch up}: the embedded stack alone, for sensors the user runs against it. */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Starts, on 127.0.0.1 only, a Kafka broker and an Elasticsearch node managed by tlswatch (data "
                + "under --data-dir, kept between runs) and the indexer between them, prints their addresses for "
                + "'tlswatch capture --kafka' and 'tlswatch replay --kafka', and runs until Ctrl-C or SIGTERM, which "
                + "stop everything. No security: loopback only, for one machine."})
public final class UpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--no-wait", description = "Stop the stack and exit once it is up (for scripts and tests).")
    private boolean noWait;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (EmbeddedStack running = stack.start(err)) {
            StackContext context = running.context();
            err.println("tlswatch: the stack is up");
            PrevalenceScreen.printAddresses(err, context.addresses());
            String kafka = context.address(StackContext.KAFKA);
            err.printf("  send          tlswatch replay --kafka %s FILE...  or  tlswatch capture --kafka %s -i IFACE%n",
                    kafka, kafka);
            err.flush();
            if (!noWait) {
                err.println("tlswatch: Ctrl-C stops everything");
                err.flush();
                StackWait.untilSignalled();
            }
        }
        return 0;
    }
}
