package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.capture.synth.FrameSink;
import io.tlswatch.testkit.HeadlessChromium;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlswatch replay --report} as a researcher runs it on a lab's captures
 * (a synthetic capture with forged certificates, stretched over about two hours, and a connection whose
 * server name and certificate carry HTML and script), the report opened in a real headless Chromium:
 * its numbers are the summary's, its charts are drawn, and the hostile strings are text.
 */
class ReplayReportTest {
    /**
     * The synthetic capture's packets are some microseconds apart: spread them as a trace of about
     * two hours (16 flows at once, so a flow's packets stay well within the idle timeout).
     */
    private static final long STRETCH = 60_000;
    /** The screenshot for the README: the charts and the first tables, not every sampled session. */
    private static final int SCREENSHOT_HEIGHT = 2300;

    @TempDir
    static Path dir;
    private static HeadlessChromium browser;
    private static SummaryText summary;
    private static Path report;

    @BeforeAll
    static void replayTheLabCapturesAndOpenTheReport() throws IOException {
        browser = HeadlessChromium.startIfInstalled();
        if (browser == null) {
            return;
        }
        SyntheticCapture lab = new SyntheticCapture(SynthSettings.of(Mix.REALISTIC, 600).withSeed(8).withForgedShare(0.1)
                .withSites(120).withDataBytes(3000).withConcurrentFlows(16));
        List<Path> roots = lab.pki().writeRoots(dir.resolve("roots"));
        Path labCapture = dir.resolve("lab.pcap");
        long start = lab.settings().startNanos();
        try (OutputStream out = Files.newOutputStream(labCapture)) {
            FrameSink pcap = CaptureFormat.PCAP.open(out);
            lab.writeTo((time, buffer, offset, length) -> pcap.frame(start + (time - start) * STRETCH, buffer, offset, length),
                    (done, planned, packets) -> { });
        }
        Path hostile = dir.resolve("hostile.pcap");
        HostileCapture.write(hostile, Instant.ofEpochSecond(0, start).plus(Duration.ofMinutes(40)));
        report = dir.resolve("report.html");
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"replay", "--sensor", "lab", "-o", dir.resolve("findings.jsonl").toString(),
            "--extra-roots", roots.get(0).toString(), "--report", report.toString(),
            labCapture.toString(), hostile.toString()}, new PrintWriter(err, true));
        summary = new SummaryText(err.toString());
        assertEquals(0, status, err.toString());
        browser.open(report, "return window.TlswatchPrevalence && window.TlswatchPrevalence.rendered === true");
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
    void theReportShowsTheSummarysVerdictsClientsAndServerNames() {
        Map<String, SummaryText.Share> sessions = summary.shares("verdicts");
        Map<String, SummaryText.Share> clients = summary.shares("clients");
        Map<String, SummaryText.Share> names = summary.shares("server names");
        assertTrue(sessions.get("intercepted").value() > 20, "the lab capture has forgeries: " + summary);
        for (String verdict : sessions.keySet()) {
            List<String> row = browser.texts("#table-verdicts tr[data-verdict=" + verdict + "] td");
            assertEquals(List.of(sessions.get(verdict).count(), sessions.get(verdict).percent(), clients.get(verdict).count(),
                    clients.get(verdict).percent(), names.get(verdict).count(), names.get(verdict).percent()),
                    row.subList(1, 7), verdict);
            assertEquals(sessions.get(verdict).count(), browser.text("[data-card=" + verdict + "] [data-value=sessions]"));
        }
    }

    @Test
    void theReportShowsTheSummarysInterceptors() {
        List<List<String>> expected = summary.interceptors();
        assertTrue(expected.size() >= 4, summary.toString());
        List<List<String>> shown = new ArrayList<>();
        for (var row : browser.all("#table-interceptors tbody tr")) {
            List<String> cells = row.findElements(org.openqa.selenium.By.tagName("td")).stream().map(e -> e.getText()).toList();
            shown.add(cells.subList(0, 6));
        }
        assertEquals(expected, shown);
    }

    @Test
    void everyChartIsDrawn() {
        assertEquals(List.of(), browser.script("return window.TlswatchPrevalence.problems"));
        List<Long> drawn = browser.canvasPixelsDrawn();
        assertEquals(4, drawn.size());
        drawn.forEach(pixels -> assertTrue(pixels > 1000, "drawn: " + drawn));
        assertTrue(browser.all("#table-subnets tbody tr").size() >= 2, "subnets are ranked");
        assertTrue(browser.text("#time-hint").startsWith("Buckets of "), browser.text("#time-hint"));
    }

    @Test
    void aServerNameAndCertificateSubjectOfHtmlAndScriptShowAsTextAndRunNothing() {
        assertEquals(null, browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertEquals(0L, browser.script("return document.querySelectorAll('img').length"));
        List<String> names = browser.texts("#table-sessions td[data-column=server_name]");
        assertTrue(names.contains(HostileCapture.SERVER_NAME), names.toString());
        // Documents carry names in RFC 4514 form, which escapes " < > with a backslash (section 2.4).
        String subject = "CN=" + HostileCapture.SUBJECT_CN.replaceAll("([\"<>])", "\\\\$1");
        assertTrue(browser.texts("#table-sessions td[data-column=leaf_subject]").contains(subject), subject);
        String issuer = "CN=" + HostileCapture.CA_CN.replaceAll("([\"<>])", "\\\\$1") + ",O=Evil & Co";
        assertTrue(browser.texts("#table-sessions td[data-column=leaf_issuer]").contains(issuer), issuer);
    }

    @Test
    void aScreenshotOfTheReportIsMadeForTheReadme() throws IOException {
        byte[] png = browser.screenshot(SCREENSHOT_HEIGHT);
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        Path shot = SharedCorpus.repoRoot().resolve("dashboards/screenshots/report.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        assertTrue(Files.size(shot) > 50_000, "a page of charts and tables");
    }
}
