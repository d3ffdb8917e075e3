package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tlswatch.dashboards.page.DashboardPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live dashboard over HTTP (the JDK's {@code com.sun.net.httpserver}, no framework):
 * <ul>
 *   <li>{@code GET /}: the page ({@link DashboardPage});</li>
 *   <li>{@code GET /api/report?from=&to=&sensor=&subnet=}: the page data ({@link LiveReport});</li>
 *   <li>{@code GET /api/session?id=}: one session and its certificates ({@link SessionDetails}).</li>
 * </ul>
 * Every response carries {@link SecurityHeaders}. With an access token, every request must
 * present it ({@link RequestAuthorization}); without one, the request gets 401. Bad parameters get
 * 400 with the reason; Elasticsearch trouble gets 502 with a short reason (its details go to the
 * counter, not to the browser). Only GET and HEAD are served.
 */
public final class DashboardServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService workers;
    private final ElasticsearchReader es;
    private final LiveReport report;
    private final SessionDetails details;
    private final DashboardPage page;
    private final RequestAuthorization authorization;
    private final AtomicLong elasticsearchFailures = new AtomicLong();

    private DashboardServer(DashboardConfig config, HttpServer http) {
        this.http = http;
        this.es = new ElasticsearchReader(config.elasticsearchUrl());
        this.report = new LiveReport(es);
        this.details = new SessionDetails(es);
        this.page = DashboardPage.build();
        this.authorization = new RequestAuthorization(config.token());
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "tlswatch-dashboard");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", this::handle);
    }

    /** Binds the configured address and port and starts serving. */
    public static DashboardServer start(DashboardConfig config) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 64);
        DashboardServer server = new DashboardServer(config, http);
        http.start();
        return server;
    }

    /** Where the server listens (the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** Requests that failed because Elasticsearch could not answer. */
    public long elasticsearchFailures() {
        return elasticsearchFailures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SecurityHeaders.apply(exchange.getResponseHeaders(), page.contentSecurityPolicy());
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "only GET and HEAD are served\n");
                return;
            }
            Optional<Map<String, String>> parameters = QueryString.parse(exchange.getRequestURI().getRawQuery());
            if (parameters.isEmpty()) {
                send(exchange, 400, "text/plain", "the query string is too long or badly encoded\n");
                return;
            }
            RequestAuthorization.Outcome access = authorization.check(exchange, parameters.get());
            if (access == RequestAuthorization.Outcome.REFUSED) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"tlswatch\"");
                send(exchange, 401, "text/plain", "an access token is required: open the dashboard once with "
                        + "?token=TOKEN, or send 'Authorization: Bearer TOKEN'\n");
                return;
            }
            if (access == RequestAuthorization.Outcome.REDIRECTED) {
                return;
            }
            route(exchange, exchange.getRequestURI().getPath(), parameters.get());
        } catch (RuntimeException e) {
            // A bug must not kill the worker thread: the browser gets 500, nothing more.
            sendQuietly(exchange, 500, "internal error\n");
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> parameters) throws IOException {
        switch (path) {
            case "/" -> send(exchange, 200, "text/html; charset=utf-8", page.html());
            case "/api/report" -> report(exchange, parameters);
            case "/api/session" -> session(exchange, parameters.get("id"));
            default -> send(exchange, 404, "text/plain", "not found\n");
        }
    }

    private void report(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        DashboardFilter filter;
        try {
            filter = DashboardFilter.parse(parameters);
        } catch (DashboardFilter.Invalid e) {
            sendError(exchange, 400, e.getMessage());
            return;
        }
        ObjectNode data;
        try {
            data = report.of(filter);
        } catch (IOException e) {
            elasticsearchFailures.incrementAndGet();
            sendError(exchange, 502, unavailable(e));
            return;
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(data));
    }

    private void session(HttpExchange exchange, String id) throws IOException {
        if (!SessionDetails.acceptableId(id)) {
            sendError(exchange, 400, "'id' must be a session id");
            return;
        }
        Optional<ObjectNode> found;
        try {
            found = details.session(id);
        } catch (IOException e) {
            elasticsearchFailures.incrementAndGet();
            sendError(exchange, 502, unavailable(e));
            return;
        }
        if (found.isEmpty()) {
            sendError(exchange, 404, "no session has this id");
            return;
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(found.get()));
    }

    /** What the user is told when Elasticsearch failed: the status and error type, or how the connection failed. */
    private static String unavailable(IOException e) {
        String detail = e instanceof ElasticsearchReader.Refused ? e.getMessage()
                : "Elasticsearch could not be reached (" + e.getClass().getSimpleName() + ")";
        return detail.length() > 200 ? detail.substring(0, 200) : detail;
    }

    private static void sendError(HttpExchange exchange, int status, String reason) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", reason);
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, String body) {
        try {
            send(exchange, status, "text/plain", body);
        } catch (IOException | RuntimeException alreadySent) {
            // The headers were sent already, or the client left: nothing more to say.
        }
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        workers.shutdownNow();
        es.close();
    }
}
