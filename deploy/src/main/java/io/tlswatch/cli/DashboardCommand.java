package io.tlswatch.cli;

import io.tlswatch.dashboards.live.AccessToken;
import io.tlswatch.dashboards.live.DashboardConfig;
import io.tlswatch.dashboards.live.DashboardServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlswatch dashboard}: the live prevalence dashboard over what the indexer wrote to Elasticsearch. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Serves a web page that shows the prevalence of TLS interception from the documents in "
                + "Elasticsearch: over time and per sensor, who intercepts, the most affected subnets and server names, "
                + "what the monitor could not see (TLS 1.3, QUIC, capture losses), and each affected session with its "
                + "certificates. Time range, sensor and subnet filters live in the address, so links keep them. "
                + "Listens on the loopback address unless --bind says otherwise. Runs until SIGTERM."})
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "e.g. http://127.0.0.1:9200 (required; also $TLSWATCH_ELASTICSEARCH or a configuration file).")
    private String elasticsearch;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = DashboardConfig.DEFAULT_BIND,
            description = "Address to listen on; anything but loopback exposes the findings to the network: "
                    + "set --token-file then.")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DashboardConfig.DEFAULT_PORT,
            description = "Port to listen on (0: any free port).")
    private int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File whose first line is the access token (16 characters or more) every request must "
                    + "present: open the page once as /?token=TOKEN (a cookie keeps it), or send "
                    + "'Authorization: Bearer TOKEN'. Never on the command line, where the process list shows it.")
    private Path tokenFile;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (elasticsearch == null || elasticsearch.isBlank()) {
            throw new ParameterException(spec.commandLine(), "missing required option --elasticsearch");
        }
        DashboardConfig dashboard;
        try {
            AccessToken token = tokenFile == null ? null : AccessToken.fromFile(tokenFile);
            dashboard = new DashboardConfig(elasticsearch, bind, port, token);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        // The JDK server reads a request on a worker thread: without a bound, a few clients that
        // send slowly would hold all of them. These are read once, before the first server starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        try (DashboardServer server = DashboardServer.start(dashboard)) {
            InetSocketAddress at = server.address();
            err.printf("tlswatch dashboard: http://%s:%d/ over %s%s%n", at.getHostString(), at.getPort(), elasticsearch,
                    dashboard.token() == null ? "" : " (token required)");
            if (!at.getAddress().isLoopbackAddress() && dashboard.token() == null) {
                err.println("tlswatch dashboard: warning: listening beyond loopback without --token-file");
            }
            err.flush();
            Thread stopOnTermination = new Thread(stopped::countDown, "tlswatch-dashboard-stop");
            Runtime.getRuntime().addShutdownHook(stopOnTermination);
            stopped.await();
        }
        return 0;
    }
}
