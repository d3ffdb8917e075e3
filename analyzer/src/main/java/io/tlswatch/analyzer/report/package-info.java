/**
 * The prevalence report of a replay, computed where the documents leave the analyzer.
 *
 * <ul>
 * <li>{@link io.tlswatch.analyzer.report.ReportingSink} sits in front of the run's
 * {@link io.tlswatch.analyzer.output.DocumentSink} and gives each session's
 * {@link io.tlswatch.analyzer.report.SessionFacts} to a
 * {@link io.tlswatch.analyzer.report.ReportCollector};</li>
 * <li>the collector keeps, each part bounded and saying what it cut:
 * {@link io.tlswatch.analyzer.report.TimeSeries} (sessions and distinct clients per verdict over
 * time), {@link io.tlswatch.analyzer.report.TopCounts} of client subnets
 * ({@link io.tlswatch.analyzer.report.ClientSubnet}: /24, /64) and of server names,
 * {@link io.tlswatch.analyzer.report.Visibility} (TLS 1.3 and QUIC sessions that were not
 * observable) and {@link io.tlswatch.analyzer.report.SessionSamples} (the latest affected
 * sessions);</li>
 * <li>{@link io.tlswatch.analyzer.report.PrevalenceTable} flattens the run's
 * {@link io.tlswatch.analyzer.verdict.Prevalence} into rows, which
 * {@link io.tlswatch.analyzer.report.PrevalenceExport} writes as CSV or JSON for papers, and
 * {@link io.tlswatch.analyzer.report.ReportJson} writes everything as the JSON object the report
 * page of the dashboards module renders.</li>
 * </ul>
 */
package io.tlswatch.analyzer.report;
