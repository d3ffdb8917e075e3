package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.capture.synth.FrameSink;
import io.tlswatch.dashboards.live.DashboardConfig;
import io.tlswatch.dashboards.live.DashboardServer;
import io.tlswatch.testkit.ElasticsearchNode;
import io.tlswatch.testkit.HeadlessChromium;
import io.tlswatch.testkit.KafkaBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way to the live dashboard: a lab capture (synthetic, with forged certificates, and a
 * connection whose names carry HTML and script) replayed with {@code tlswatch replay --kafka} into
 * a real Kafka, {@code tlswatch index} into a real Elasticsearch, and the dashboard over it: its
 * numbers are the replay summary's, and the hostile session opens with its certificate, as text.
 */
class ReplayToDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static ElasticsearchNode elasticsearch;
    private static KafkaBroker broker;
    private static DashboardServer dashboard;
    private static SummaryText summary;

    @BeforeAll
    static void replayIndexAndServe() throws IOException, InterruptedException {
        elasticsearch = ElasticsearchNode.launch();
        broker = KafkaBroker.launch(1);
        SyntheticCapture lab = new SyntheticCapture(SynthSettings.of(Mix.REALISTIC, 200).withSeed(8).withForgedShare(0.1)
                .withSites(60).withDataBytes(2000).withConcurrentFlows(16));
        List<Path> roots = lab.pki().writeRoots(dir.resolve("roots"));
        Path labCapture = dir.resolve("lab.pcap");
        try (OutputStream out = Files.newOutputStream(labCapture)) {
            FrameSink pcap = CaptureFormat.PCAP.open(out);
            lab.writeTo(pcap::frame, (done, planned, packets) -> { });
        }
        Path hostile = dir.resolve("hostile.pcap");
        HostileCapture.write(hostile, Instant.ofEpochSecond(0, lab.settings().startNanos()).plus(Duration.ofMinutes(5)));
        StringWriter replayErr = new StringWriter();
        int status = Tlswatch.run(new String[] {"replay", "--sensor", "lab", "--kafka", broker.bootstrapServers(),
            "--topic-prefix", "dash", "--spool", dir.resolve("spool").toString(), "--progress", "never",
            "--extra-roots", roots.get(0).toString(), labCapture.toString(), hostile.toString()},
                new PrintWriter(replayErr, true));
        assertEquals(0, status, replayErr.toString());
        summary = new SummaryText(replayErr.toString());
        StringWriter indexErr = new StringWriter();
        assertEquals(0, Tlswatch.run(new String[] {"index", "--kafka", broker.bootstrapServers(), "--elasticsearch",
                elasticsearch.url(), "--topic-prefix", "dash", "--exit-when-idle", "3"}, new PrintWriter(indexErr, true)),
                indexErr.toString());
        assertTrue(indexErr.toString().contains("dead-lettered 0"), indexErr.toString());
        HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        dashboard = DashboardServer.start(new DashboardConfig(elasticsearch.url(), null, 0, null));
    }

    @AfterAll
    static void stop() throws IOException {
        if (dashboard != null) {
            dashboard.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.address().getPort() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String formatted(long n) {
        return String.format("%,d", n);
    }

    @Test
    void theDashboardCountsWhatTheReplaySummaryCounted() throws Exception {
        JsonNode report = get("/api/report?sensor=lab");
        Map<String, SummaryText.Share> sessions = summary.shares("verdicts");
        Map<String, SummaryText.Share> clients = summary.shares("clients");
        assertTrue(sessions.get("intercepted").value() > 5, "the lab capture has forgeries: " + summary);
        for (JsonNode row : report.path("prevalence").path("rows")) {
            if (row.path("scope").asText().equals("verdict")) {
                String verdict = row.path("verdict").asText();
                assertEquals(sessions.get(verdict).count(), formatted(row.path("sessions").asLong()), verdict);
                assertEquals(clients.get(verdict).count(), formatted(row.path("clients").asLong()), verdict);
            }
        }
        assertEquals(summary.interceptors().size(), report.path("prevalence").path("rows").findValues("interceptor_name").size(),
                "every interceptor of the summary");
    }

    @Test
    void theHostileSessionOpensWithItsCertificateFromTheIndexAndShowsItsNamesAsText() throws Exception {
        JsonNode hostile = null;
        for (JsonNode s : get("/api/report?server_name=" + java.net.URLEncoder.encode(HostileCapture.SERVER_NAME,
                java.nio.charset.StandardCharsets.UTF_8)).path("samples").path("sessions")) {
            hostile = s;
        }
        assertTrue(hostile != null && HostileCapture.SERVER_NAME.equals(hostile.path("server_name").asText()),
                "the hostile session is among the affected samples");
        JsonNode details = get("/api/session?id=" + java.net.URLEncoder.encode(hostile.path("id").asText(),
                java.nio.charset.StandardCharsets.UTF_8));
        JsonNode leaf = details.path("chain").path(0);
        assertTrue(leaf.path("found").asBoolean(), "the certificate document is where the session says: " + details);
        // Documents carry names in RFC 4514 form, which escapes " < > with a backslash (section 2.4).
        String subject = "CN=" + HostileCapture.SUBJECT_CN.replaceAll("([\"<>])", "\\\\$1");
        assertEquals(subject, leaf.path("certificate").path("x509").path("subject").path("distinguished_name").asText());
        assertEquals(hostile.path("leaf_sha256").asText(), leaf.path("sha256").asText());

        HeadlessChromium browser = HeadlessChromium.start();
        try {
            browser.driver().get("http://127.0.0.1:" + dashboard.address().getPort() + "/?session="
                    + java.net.URLEncoder.encode(hostile.path("id").asText(), java.nio.charset.StandardCharsets.UTF_8));
            browser.waitUntil("return window.TlswatchDashboard && window.TlswatchDashboard.loaded === true"
                    + " && !!document.getElementById('details')", Duration.ofSeconds(20));
            assertEquals(subject, browser.text("#details .certificate dd[data-field=Subject]"));
            assertEquals(HostileCapture.SERVER_NAME, browser.text("#details dd[data-field='Server name']"));
            assertEquals(summary.shares("verdicts").get("intercepted").count(), sessionsShown(browser));
            assertNull(browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"));
            assertEquals(0L, browser.script("return document.querySelectorAll('img').length"));
        } finally {
            browser.close();
        }
    }

    private static String sessionsShown(HeadlessChromium browser) {
        return browser.text("[data-card=intercepted] [data-value=sessions]");
    }
}
