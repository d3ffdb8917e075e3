package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The live dashboard's data: the same JSON object the replay report renders (the analyzer's
 * {@code ReportJson}, schema {@link #SCHEMA}: {@code prevalence}, {@code time_series},
 * {@code subnets}, {@code server_names}, {@code visibility}, {@code samples}), computed with
 * Elasticsearch aggregations ({@link ReportQueries}) over the sessions a {@link DashboardFilter}
 * lets through, plus a {@code live} object: the filter, the sessions and clients of each sensor,
 * and the capture losses from the {@code stats} documents. Samples carry their document {@code id}
 * for the drill-down.
 */
public final class LiveReport {
    /** The layout version of the page data, the analyzer's {@code ReportJson.SCHEMA}. */
    public static final int SCHEMA = 1;
    static final List<String> VERDICTS = List.of("intercepted", "suspected", "clean", "not_observable");
    /** Bucket widths the time series may use, in seconds; the first giving at most {@link #MAX_BUCKETS} wins. */
    static final long[] WIDTHS = {60, 300, 600, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 604_800};
    static final int MAX_BUCKETS = 120;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ElasticsearchReader es;

    public LiveReport(ElasticsearchReader es) {
        this.es = es;
    }

    /** The page data for {@code filter}. */
    public ObjectNode of(DashboardFilter filter) throws IOException {
        JsonNode overviewResponse = es.search(ReportQueries.SESSIONS, ReportQueries.overview(filter));
        JsonNode overview = overviewResponse.path("aggregations");
        long total = overviewResponse.path("hits").path("total").path("value").asLong();

        ObjectNode out = F.objectNode();
        out.put("schema", SCHEMA);
        out.put("title", "tlswatch live dashboard");
        if (filter.sensor() != null) {
            out.put("sensor", filter.sensor());
        }
        out.putArray("inputs");
        ArrayNode verdicts = out.putArray("verdicts");
        VERDICTS.forEach(verdicts::add);
        out.set("prevalence", ReportSections.prevalence(total, overview));

        List<ReportSections.Top> subnets = ReportSections.affectedSubnets(overview.path("affected"));
        List<ReportSections.Top> shownSubnets = subnets.subList(0, Math.min(ReportQueries.TOP_SHOWN, subnets.size()));
        JsonNode second = null;
        long[] span = span(filter, overview);
        long width = width(span);
        if (total > 0 && span != null) {
            second = es.search(ReportQueries.SESSIONS, ReportQueries.timeAndSubnets(filter, width,
                    Math.floorDiv(span[0], width * 1000) * width * 1000, span[1],
                    shownSubnets.stream().map(ReportSections.Top::key).toList())).path("aggregations");
        }
        out.set("time_series", ReportSections.timeSeries(width, second));
        out.set("subnets", ReportSections.subnets(subnets, shownSubnets, second));
        out.set("server_names", ReportSections.serverNames(overview));
        out.set("visibility", ReportSections.visibility(overview.path("visibility").path("buckets")));
        out.set("samples", LiveSections.samples(es.search(ReportQueries.SESSIONS, ReportQueries.samples(filter)).path("hits")));
        out.set("live", LiveSections.live(filter, overview, second,
                es.search(ReportQueries.STATS, ReportQueries.captureLosses(filter))));
        return out;
    }

    /** [from, to] in epoch milliseconds: the filter's range where set, else the data's first and last session. */
    private static long[] span(DashboardFilter filter, JsonNode aggs) {
        JsonNode first = aggs.path("first").path("value");
        JsonNode last = aggs.path("last").path("value");
        if (!first.isNumber() && (filter.from() == null || filter.to() == null)) {
            return null;
        }
        long from = filter.from() != null ? filter.from().toEpochMilli() : first.asLong();
        long to = filter.to() != null ? filter.to().toEpochMilli() - 1 : last.asLong();
        return new long[] {from, Math.max(from, to)};
    }

    static long width(long[] span) {
        long seconds = span == null ? 0 : (span[1] - span[0]) / 1000 + 1;
        for (long w : WIDTHS) {
            if (seconds / w < MAX_BUCKETS) {
                return w;
            }
        }
        long days = (seconds / MAX_BUCKETS + 86_399) / 86_400;
        return days * 86_400;
    }
}
