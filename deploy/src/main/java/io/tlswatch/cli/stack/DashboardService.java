package io.tlswatch.cli.stack;

import io.tlswatch.dashboards.live.DashboardConfig;
import io.tlswatch.dashboards.live.DashboardServer;
import io.tlswatch.embedded.LoopbackPorts;
import java.io.IOException;

/**
 * The stack's dashboard in this JVM, as {@code tlswatch dashboard} serves it, on 127.0.0.1 only
 * (no token: nothing else can reach it) over the stack's Elasticsearch; publishes its address.
 */
final class DashboardService implements StackService {
    private final int port;
    private DashboardServer server;

    /** @param port the port on 127.0.0.1, 0 for a free one */
    DashboardService(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public void start(StackContext context) throws IOException {
        LoopbackPorts.requireFree(port, "the dashboard", "--dashboard-port");
        server = DashboardServer.start(new DashboardConfig(context.address(StackContext.ELASTICSEARCH),
                DashboardConfig.DEFAULT_BIND, port, null));
        context.publish(StackContext.DASHBOARD, "http://127.0.0.1:" + server.address().getPort() + "/");
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping: the server's socket and threads are gone either way
            }
            server = null;
        }
    }
}
