package io.tlswatch.dashboards.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The prevalence report as ONE self-contained HTML file: the page's style, Chart.js and the
 * page's script inlined, and the report data (the JSON object of the analyzer's
 * {@code ReportJson}) inlined as a {@code <script type="application/json">} the page reads with
 * {@code JSON.parse}. Nothing is loaded from the network: the Content-Security-Policy allows no
 * source but the inlined scripts (by hash) and styles. Every string of the data reaches the page
 * through {@code textContent} or a canvas.
 */
public final class ReportPage {
    private static final String CSP_MARKER = "<!-- tlswatch:csp -->";
    private static final String STYLE_MARKER = "/* tlswatch:style */";
    private static final String DATA_MARKER = "<!-- tlswatch:data -->";
    private static final String SCRIPTS_MARKER = "<!-- tlswatch:scripts -->";

    private ReportPage() {
    }

    /** The page for {@code reportJson}. */
    public static String html(String reportJson) {
        List<InlineScript> scripts = List.of(InlineScript.of("Chart.js", PageResources.chartLibrary()),
                InlineScript.of("prevalence.js", PageResources.pageScript()));
        String csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " + InlineScript.scriptSrc(scripts);
        String data = "<script id=\"report-data\" type=\"application/json\">" + ScriptSafeJson.of(reportJson) + "</script>";
        String meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">";
        return Template.fill(PageResources.template(), List.of(
                new Template.Slot(CSP_MARKER, meta),
                new Template.Slot(STYLE_MARKER, PageResources.style()),
                new Template.Slot(DATA_MARKER, data),
                new Template.Slot(SCRIPTS_MARKER, InlineScript.tags(scripts))));
    }

    /** Writes the page for {@code reportJson} to {@code file} (UTF-8). */
    public static void write(String reportJson, Path file) throws IOException {
        Files.writeString(file, html(reportJson), StandardCharsets.UTF_8);
    }
}
