/**
 * The prevalence page: one HTML template, style sheet and script (this package's resources) that
 * render the report data of a replay or of the live dashboard, with Chart.js from its webjar.
 * {@link io.tlswatch.dashboards.page.ReportPage} writes the self-contained report file;
 * {@link io.tlswatch.dashboards.page.DashboardPage} is the live dashboard's page, which fetches
 * its data ({@code dashboard.js});
 * {@link io.tlswatch.dashboards.page.ScriptSafeJson} and
 * {@link io.tlswatch.dashboards.page.InlineScript} keep what is inlined from breaking out of its
 * {@code <script>} element.
 */
package io.tlswatch.dashboards.page;
