package io.tlswatch.dashboards.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard server without Elasticsearch: where it listens, what it serves anyway, and how it says Elasticsearch is away. */
class DashboardServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DashboardServer server;

    @BeforeAll
    static void start() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        server = DashboardServer.start(new DashboardConfig("http://127.0.0.1:" + closedPort, null, 0, null));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itListensOnLoopbackWhenNoAddressIsGiven() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertEquals("127.0.0.1", new DashboardConfig("http://es:9200", " ", 0, null).bind());
    }

    @Test
    void thePageIsServedWithItsThreeScriptsAndNoData() throws Exception {
        HttpResponse<String> page = send("GET", "/?sensor=lab-a");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(3, page.body().split("<script>", -1).length - 1);
        assertTrue(page.body().contains("TlswatchDashboard"));
        assertEquals(200, send("HEAD", "/").statusCode());
    }

    @Test
    void elasticsearchAwayIsA502ThatSaysSoAndIsCounted() throws Exception {
        long before = server.elasticsearchFailures();
        HttpResponse<String> report = send("GET", "/api/report");
        assertEquals(502, report.statusCode());
        assertTrue(new ObjectMapper().readTree(report.body()).path("error").asText().contains("could not be reached"),
                report.body());
        assertEquals(before + 1, server.elasticsearchFailures());
    }

    @Test
    void badRequestsAreRefusedBeforeElasticsearchIsAsked() throws Exception {
        assertEquals(400, send("GET", "/api/report?from=soon").statusCode());
        assertEquals(400, send("GET", "/api/session").statusCode());
        assertEquals(400, send("GET", "/api/report?" + "a=b&".repeat(QueryString.MAX_PARAMETERS + 1)).statusCode());
        assertEquals(404, send("GET", "/etc/passwd").statusCode());
        assertEquals(405, send("DELETE", "/").statusCode());
    }
}
