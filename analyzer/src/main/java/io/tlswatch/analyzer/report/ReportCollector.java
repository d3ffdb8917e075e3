package io.tlswatch.analyzer.report;

/**
 * Collects what a prevalence report shows beyond {@link io.tlswatch.analyzer.verdict.Prevalence}:
 * sessions over time, the most affected client subnets and server names, what could not be
 * observed, and the latest affected sessions. Fed one {@link SessionFacts} per judged session on the
 * sink's thread (see {@link ReportingSink}); every part is bounded. Not thread-safe.
 */
public final class ReportCollector {
    private final TimeSeries timeSeries;
    private final TopCounts subnets;
    private final TopCounts serverNames;
    private final Visibility visibility = new Visibility();
    private final SessionSamples samples;

    public ReportCollector() {
        this(new TimeSeries(), new TopCounts(), new TopCounts(), new SessionSamples());
    }

    /** With parts of other bounds (tests). */
    ReportCollector(TimeSeries timeSeries, TopCounts subnets, TopCounts serverNames, SessionSamples samples) {
        this.timeSeries = timeSeries;
        this.subnets = subnets;
        this.serverNames = serverNames;
        this.samples = samples;
    }

    /** Counts one judged session. */
    public void accept(SessionFacts s) {
        timeSeries.add(s);
        subnets.add(ClientSubnet.of(s.endpoints().clientHi(), s.endpoints().clientLo()), s.verdict());
        serverNames.add(s.serverName(), s.verdict());
        visibility.add(s);
        samples.add(s);
    }

    public TimeSeries timeSeries() { return timeSeries; }

    /** Sessions per client subnet (/24, /64). */
    public TopCounts subnets() { return subnets; }

    /** Sessions per server name (SNI); sessions without one are not counted here. */
    public TopCounts serverNames() { return serverNames; }

    public Visibility visibility() { return visibility; }

    public SessionSamples samples() { return samples; }
}
