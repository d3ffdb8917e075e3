package io.tlswatch.dashboards.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page in a real headless Chromium: it draws its charts, shows the data's numbers and runs no payload. */
class ReportPageBrowserTest {
    /** What the page's script sets once it has drawn everything. */
    static final String RENDERED = "return window.TlswatchPrevalence && window.TlswatchPrevalence.rendered === true";

    private static HeadlessChromium browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void openTheReport() throws IOException {
        browser = HeadlessChromium.startIfInstalled();
        if (browser == null) {
            return;
        }
        Path page = dir.resolve("report.html");
        ReportPage.write(HostileReport.json(), page);
        browser.open(page, RENDERED);
    }

    @BeforeEach
    void requireTheBrowser() {
        HeadlessChromium.assumeStarted(browser);
    }

    @AfterAll
    static void closeTheBrowser() {
        HeadlessChromium.close(browser);
    }

    @Test
    void everyChartIsDrawnOnItsCanvas() {
        assertEquals(List.of(), browser.script("return window.TlswatchPrevalence.problems"));
        List<Long> drawn = browser.canvasPixelsDrawn();
        assertEquals(4, drawn.size(), "time, verdicts, interceptors, visibility");
        for (long pixels : drawn) {
            assertTrue(pixels > 1000, "a chart was drawn: " + drawn);
        }
    }

    @Test
    void theNumbersShownAreTheData() {
        assertEquals("1,234", browser.text("[data-card=all] [data-value=sessions]"));
        assertEquals("23", browser.text("[data-card=intercepted] [data-value=sessions]"));
        assertEquals(List.of("Intercepted", "23", "1.9%", "3", "5.3%", "7", "17.5%"),
                browser.texts("#table-verdicts tr[data-verdict=intercepted] td"));
        assertEquals(List.of("Not observable", "500", "40.5%", "41", "71.9%", "22", "55.0%"),
                browser.texts("#table-verdicts tr[data-verdict=not_observable] td"));
        assertEquals(List.of("government", "Qaznet Trust Network", "kz-qaznet-trust-network-2019", "20", "2", "6",
                "2024-03-01T12:00:03Z", "2024-03-01T12:09:00Z"),
                browser.texts("#table-interceptors tr[data-interceptor=kz-qaznet-trust-network-2019] td"));
        assertEquals(List.of("192.0.2.0/24", "20", "0", "200", "10.0%"), browser.texts("#table-subnets tbody tr:first-child td"));
        assertEquals(List.of("TLS 1.3 over TCP", "420", "420", "34.0%", "0"),
                browser.texts("#table-visibility tr[data-transport=tls13] td"));
        assertTrue(browser.text("#server-names-hint").startsWith("4 more server names with 8 affected sessions"));
    }

    @Test
    void htmlAndScriptFromTheWireShowAsTextAndRunNothing() {
        assertEquals(null, browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertEquals(0L, browser.script("return document.querySelectorAll('img').length"));
        assertEquals(3L, browser.script("return document.querySelectorAll('script').length"), "the page's own three");
        List<String> sample = browser.texts("#table-sessions tbody tr:first-child td");
        assertEquals(HostileReport.SNI, sample.get(2));
        assertEquals("unknown: " + HostileReport.FORGER, sample.get(4));
        assertEquals(HostileReport.SUBJECT, sample.get(5));
        assertEquals(HostileReport.FORGER, browser.texts("#table-interceptors tbody tr td[data-column=interceptor_name]").get(1));
        assertEquals(HostileReport.SNI_WITH_LINE_SEPARATOR, browser.script(
                "return document.querySelector('#table-server-names tbody tr:nth-child(3) td').textContent"));
        assertTrue(browser.text("#about").contains("lab<img src=x onerror=\"window.__pwned='sensor'\">"));
        assertTrue(browser.text("#about").contains("</script><script>window.__pwned='input'</script>"));
    }
}
