package io.tlswatch.dashboards.page;

import java.util.List;

/**
 * The live dashboard's page: the report page's layout, style and script, with Chart.js and
 * {@code dashboard.js} inlined, and no data: {@code dashboard.js} fetches it from the server's
 * {@code /api/report} with the filter of the page's URL, adds the filter form, the per-sensor and
 * capture-loss tables and the session drill-down, and hands the data to the same renderer as the
 * replay report. Built once per server; its {@link #contentSecurityPolicy()} allows these three
 * scripts (by hash), requests to the page's own origin, and nothing else.
 */
public final class DashboardPage {
    private static final String CSP_MARKER = "<!-- tlswatch:csp -->";
    private static final String STYLE_MARKER = "/* tlswatch:style */";
    private static final String DATA_MARKER = "<!-- tlswatch:data -->";
    private static final String SCRIPTS_MARKER = "<!-- tlswatch:scripts -->";

    private final String html;
    private final String csp;

    private DashboardPage(String html, String csp) {
        this.html = html;
        this.csp = csp;
    }

    /** Builds the page from the class path's resources. */
    public static DashboardPage build() {
        List<InlineScript> scripts = List.of(InlineScript.of("Chart.js", PageResources.chartLibrary()),
                InlineScript.of("prevalence.js", PageResources.pageScript()),
                InlineScript.of("dashboard.js", PageResources.dashboardScript()));
        String csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; " + InlineScript.scriptSrc(scripts);
        String html = Template.fill(PageResources.template(), List.of(
                new Template.Slot(CSP_MARKER, ""),
                new Template.Slot(STYLE_MARKER, PageResources.style() + PageResources.dashboardStyle()),
                new Template.Slot(DATA_MARKER, ""),
                new Template.Slot(SCRIPTS_MARKER, InlineScript.tags(scripts))));
        return new DashboardPage(html, csp);
    }

    public String html() {
        return html;
    }

    /** The Content-Security-Policy header value to send with the page (and every response). */
    public String contentSecurityPolicy() {
        return csp;
    }
}
