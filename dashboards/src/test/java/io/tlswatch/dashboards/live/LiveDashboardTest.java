package io.tlswatch.dashboards.live;

import static io.tlswatch.dashboards.live.KnownSessions.JSON;
import static io.tlswatch.dashboards.live.KnownSessions.es;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlswatch.testkit.ElasticsearchNode;
import io.tlswatch.testkit.HeadlessChromium;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard over a real Elasticsearch holding {@link KnownSessions}: its API and, in a
 * real headless Chromium, its page. Every number checked is asked of Elasticsearch by the test
 * itself (a count or a cardinality), not copied from the dashboard's output.
 */
class LiveDashboardTest {
    private static final String LOADED = "return window.TlswatchDashboard && window.TlswatchDashboard.loaded === true";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static ElasticsearchNode elasticsearch;
    private static DashboardServer server;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        elasticsearch = ElasticsearchNode.launch();
        KnownSessions.load(elasticsearch.url());
        server = DashboardServer.start(new DashboardConfig(elasticsearch.url(), null, 0, null));
        browser = HeadlessChromium.startIfInstalled();
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.close(browser);
        if (server != null) {
            server.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    private static String base(DashboardServer s) {
        return "http://127.0.0.1:" + s.address().getPort();
    }

    private static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sessions matching {@code filterClauses} (JSON query clauses), counted by Elasticsearch. */
    private static long count(String... filterClauses) throws IOException, InterruptedException {
        String query = "{\"query\":{\"bool\":{\"filter\":[" + String.join(",", filterClauses) + "]}}}";
        return es(elasticsearch.url(), "POST", "/tlswatch-sessions/_count", query).path("count").asLong(-1);
    }

    /** Distinct clients of the sessions matching {@code filterClauses}, by Elasticsearch. */
    private static long distinctClients(String... filterClauses) throws IOException, InterruptedException {
        String query = "{\"size\":0,\"query\":{\"bool\":{\"filter\":[" + String.join(",", filterClauses) + "]}},"
                + "\"aggs\":{\"c\":{\"cardinality\":{\"field\":\"source.ip\"}}}}";
        return es(elasticsearch.url(), "POST", "/tlswatch-sessions/_search", query).path("aggregations").path("c")
                .path("value").asLong(-1);
    }

    private static String term(String field, String value) {
        return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
    }

    private static JsonNode row(JsonNode report, String scope, String verdict) {
        for (JsonNode r : report.path("prevalence").path("rows")) {
            if (r.path("scope").asText().equals(scope) && (verdict == null || r.path("verdict").asText().equals(verdict))) {
                return r;
            }
        }
        throw new AssertionError("no " + scope + "/" + verdict + " row in " + report);
    }

    private static String formatted(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static void open(String pathAndQuery) {
        browser.driver().get(base(server) + pathAndQuery);
        browser.waitUntil(LOADED, Duration.ofSeconds(20));
    }

    // --- the server and its API -------------------------------------------------------------

    @Test
    void theReportsNumbersAreElasticsearchsAggregations() throws Exception {
        JsonNode report = JSON.readTree(get(base(server) + "/api/report").body());
        assertEquals(count(), row(report, "all", null).path("sessions").asLong());
        assertEquals(distinctClients(), row(report, "all", null).path("clients").asLong());
        for (String v : List.of("intercepted", "suspected", "clean", "not_observable")) {
            assertEquals(count(term("tlswatch.verdict", v)), row(report, "verdict", v).path("sessions").asLong(), v);
            assertEquals(distinctClients(term("tlswatch.verdict", v)), row(report, "verdict", v).path("clients").asLong(), v);
        }
        JsonNode kz = row(report, "interceptor", null);
        assertEquals("Qaznet Trust Network", kz.path("interceptor_name").asText());
        assertEquals(count(term("tlswatch.interceptor.id", "kz-qaznet-trust-network-2019")), kz.path("sessions").asLong());
        assertEquals("2024-05-01T10:05:30Z", kz.path("first_seen").asText());
        assertEquals("2024-05-01T10:14:30Z", kz.path("last_seen").asText());
        long quic = count(term("network.protocol", "quic"));
        assertEquals(quic, report.path("visibility").path(1).path("sessions").path("not_observable").asLong());
        JsonNode v6 = report.path("subnets").path("rows").findValues("key").stream()
                .filter(k -> k.asText().startsWith("2001:db8:1:2::")).findFirst().orElseThrow();
        assertEquals("2001:db8:1:2::/64", v6.asText());
        JsonNode labA = report.path("live").path("sensor_series").path(0);
        assertEquals("lab-a", labA.path("sensor").asText());
        assertEquals(report.path("time_series").path("buckets").size(), labA.path("points").size(), "aligned with the buckets");
        assertEquals(count(term("observer.name", "lab-a"), term("tlswatch.verdict", "intercepted")),
                labA.path("points").findValues("intercepted").stream().mapToLong(JsonNode::asLong).sum());
        JsonNode lost = report.path("live").path("capture").path(0);
        assertEquals("lab-a", lost.path("sensor").asText());
        assertEquals(50, lost.path("lost").asLong());
    }

    @Test
    void aFilterThatKeepsNothingGivesZerosNotAnError() throws Exception {
        HttpResponse<String> r = get(base(server) + "/api/report?sensor=nobody&from=2024-05-01&to=2024-05-02");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals(0, row(report, "all", null).path("sessions").asLong());
        assertEquals(0, report.path("time_series").path("buckets").size());
        assertEquals(0, report.path("samples").path("sessions").size());
        assertEquals(0, report.path("live").path("capture").size());
    }

    @Test
    void aSensorFilterNarrowsTheNumbersAndABadFilterIsRefusedWithItsReason() throws Exception {
        JsonNode labB = JSON.readTree(get(base(server) + "/api/report?sensor=lab-b").body());
        assertEquals(count(term("observer.name", "lab-b"), term("tlswatch.verdict", "intercepted")),
                row(labB, "verdict", "intercepted").path("sessions").asLong());
        assertEquals(count(term("observer.name", "lab-b")), row(labB, "all", null).path("sessions").asLong());
        HttpResponse<String> bad = get(base(server) + "/api/report?subnet=example.org");
        assertEquals(400, bad.statusCode());
        assertTrue(JSON.readTree(bad.body()).path("error").asText().contains("subnet"), bad.body());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/report", "/nothing-here")) {
            HttpResponse<String> r = get(base(server) + path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), path + ": " + csp);
            String scripts = csp.substring(csp.indexOf("script-src"));
            assertEquals(3, scripts.split("'sha256-", -1).length - 1, "three scripts by hash: " + csp);
            assertFalse(scripts.contains("unsafe"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        }
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/api/report"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theTokenIsRequiredOnEveryRequestAndALinkWithItSetsACookie() throws Exception {
        String secret = "s3cret-token-for-the-test";
        try (DashboardServer guarded = DashboardServer.start(
                new DashboardConfig(elasticsearch.url(), null, 0, AccessToken.of(secret)))) {
            String url = base(guarded);
            assertEquals(401, get(url + "/").statusCode());
            assertEquals(401, get(url + "/api/report").statusCode());
            assertEquals(401, get(url + "/api/report", "Authorization", "Bearer wrong-token-of-some-length").statusCode());
            assertEquals(401, get(url + "/?token=wrong-token-of-some-length").statusCode());
            assertTrue(get(url + "/api/report").headers().firstValue("Content-Security-Policy").isPresent());
            assertEquals(200, get(url + "/api/report", "Authorization", "Bearer " + secret).statusCode());

            HttpResponse<String> link = get(url + "/?sensor=lab-a&token=" + secret);
            assertEquals(303, link.statusCode());
            assertEquals("/?sensor=lab-a", link.headers().firstValue("Location").orElse(""), "the token leaves the address");
            String cookie = link.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            HttpResponse<String> page = get(url + "/", "Cookie", cookie.substring(0, cookie.indexOf(';')));
            assertEquals(200, page.statusCode());
        }
    }

    @Test
    void theDrillDownGivesTheSessionAndItsChainAndAnUnknownIdIsNotFound() throws Exception {
        JsonNode details = JSON.readTree(get(base(server) + "/api/session?id=" + KnownSessions.HOSTILE_SESSION).body());
        assertEquals(KnownSessions.HOSTILE_SNI, details.path("session").path("tls").path("client").path("server_name").asText());
        assertEquals(2, details.path("chain").size());
        assertEquals(KnownSessions.HOSTILE_SUBJECT,
                details.path("chain").path(0).path("certificate").path("x509").path("subject").path("distinguished_name").asText());
        assertFalse(details.path("chain").path(1).path("found").asBoolean(), "the missing certificate is listed, not found");
        assertEquals(404, get(base(server) + "/api/session?id=no-such-flow").statusCode());
    }

    // --- the page in a real browser -----------------------------------------------------------

    @Test
    void inTheBrowserTheChartsDrawAndTheCardsShowElasticsearchsCounts() throws Exception {
        HeadlessChromium.assumeStarted(browser);
        open("/");
        assertNull(browser.script("return window.TlswatchDashboard.error"));
        assertEquals(List.of(), browser.script("return window.TlswatchPrevalence.problems"));
        List<Long> drawn = browser.canvasPixelsDrawn();
        assertEquals(5, drawn.size(), "per sensor, time, verdicts, interceptors, visibility");
        for (long pixels : drawn) {
            assertTrue(pixels > 1000, "a chart was drawn: " + drawn);
        }
        assertEquals(formatted(count()), browser.text("[data-card=all] [data-value=sessions]"));
        assertEquals(formatted(count(term("tlswatch.verdict", "intercepted"))),
                browser.text("[data-card=intercepted] [data-value=sessions]"));
        assertEquals(formatted(count(term("observer.name", "lab-a"))),
                browser.texts("#table-sensors tr[data-sensor=lab-a] td").get(1));
        assertEquals(List.of("lab-a", "eth0", "1,000", "50"),
                browser.texts("#table-capture tr[data-sensor=lab-a] td").subList(0, 4));

        Path shot = SharedCorpus.repoRoot().resolve("dashboards/screenshots/dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.screenshot(2200));
        assertTrue(Files.size(shot) > 50_000, "a page of charts and tables");
    }

    @Test
    void inTheBrowserAFilterInTheAddressChangesTheNumbersAndTheFormKeepsIt() throws Exception {
        HeadlessChromium.assumeStarted(browser);
        open("/");
        String all = browser.text("[data-card=intercepted] [data-value=sessions]");
        open("/?sensor=lab-a&from=2024-05-01T10:10:00Z");
        String narrowed = browser.text("[data-card=intercepted] [data-value=sessions]");
        String since = "{\"range\":{\"@timestamp\":{\"gte\":\"2024-05-01T10:10:00Z\"}}}";
        assertEquals(formatted(count(term("observer.name", "lab-a"), since, term("tlswatch.verdict", "intercepted"))), narrowed);
        assertNotEquals(all, narrowed);
        assertEquals("lab-a", browser.script("return document.getElementById('filter-sensor').value"));
        assertEquals(List.of("lab-a"), browser.texts("#table-sensors td[data-column=sensor]"));
    }

    @Test
    void inTheBrowserTheDrillDownOpensASessionWithItsCertificateAndTheFilterStays() throws Exception {
        HeadlessChromium.assumeStarted(browser);
        open("/?sensor=lab-b");
        browser.script("document.querySelector('#table-sessions tr[data-session-id=\"' + arguments[0] + '\"] a').click()",
                KnownSessions.HOSTILE_SESSION);
        browser.waitUntil("return location.search.indexOf('session=') >= 0 && window.TlswatchDashboard"
                + " && window.TlswatchDashboard.loaded === true && !!document.getElementById('details')", Duration.ofSeconds(20));
        String search = (String) browser.script("return location.search");
        assertTrue(search.contains("sensor=lab-b") && search.contains("session=" + KnownSessions.HOSTILE_SESSION), search);
        assertEquals(KnownSessions.HOSTILE_SNI, browser.text("#details dd[data-field='Server name']"));
        assertEquals(KnownSessions.HOSTILE_SUBJECT,
                browser.text("#details .certificate[data-certificate='" + KnownSessions.LEAF_SHA256 + "'] dd[data-field=Subject]"));
        assertEquals(KnownSessions.LEAF_SHA256,
                browser.text("#details .certificate[data-certificate='" + KnownSessions.LEAF_SHA256 + "'] dd[data-field=SHA-256]"));
        assertEquals("issuer_not_publicly_trusted, <b>rule</b>", browser.text("#details dd[data-field='Rules that fired']"));
    }

    @Test
    void inTheBrowserAnInterceptorsNameNarrowsThePageToItsSessions() throws Exception {
        HeadlessChromium.assumeStarted(browser);
        open("/");
        browser.script("var name = arguments[0];"
                + " Array.from(document.querySelectorAll('#table-interceptors td[data-column=interceptor_name] a'))"
                + ".filter(function (a) { return a.textContent === name; })[0].click()", KnownSessions.HOSTILE_INTERCEPTOR);
        browser.waitUntil("return location.search.indexOf('interceptor=') >= 0 && window.TlswatchDashboard"
                + " && window.TlswatchDashboard.loaded === true", Duration.ofSeconds(20));
        long sessions = count(term("tlswatch.interceptor.name", KnownSessions.HOSTILE_INTERCEPTOR.replace("\"", "\\\"")));
        assertEquals(5, sessions);
        assertEquals(formatted(sessions), browser.text("[data-card=intercepted] [data-value=sessions]"));
        assertEquals((int) sessions, browser.all("#table-sessions tr[data-session-id]").size());
        assertEquals(KnownSessions.HOSTILE_INTERCEPTOR, browser.script("return document.getElementById('filter-interceptor').value"));
        assertNull(browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"));
    }

    @Test
    void inTheBrowserHtmlAndScriptFromTheWireShowAsTextAndRunNothing() throws Exception {
        HeadlessChromium.assumeStarted(browser);
        open("/?session=" + KnownSessions.HOSTILE_SESSION);
        assertNull(browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertEquals(0L, browser.script("return document.querySelectorAll('img').length"));
        assertEquals(3L, browser.script("return document.querySelectorAll('script').length"), "the page's own three");
        assertTrue(browser.texts("#table-sessions td[data-column=server_name]").contains(KnownSessions.HOSTILE_SNI));
        assertTrue(browser.texts("#table-sessions td[data-column=leaf_subject]").contains(KnownSessions.HOSTILE_SUBJECT));
        assertTrue(browser.texts("#table-interceptors td[data-column=interceptor_name]")
                .contains(KnownSessions.HOSTILE_INTERCEPTOR));
        assertTrue(browser.texts("#table-server-names td[data-column=key]").contains(KnownSessions.HOSTILE_SNI));
    }
}
