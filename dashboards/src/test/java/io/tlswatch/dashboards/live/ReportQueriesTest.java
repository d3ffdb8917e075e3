package io.tlswatch.dashboards.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The searches behind the dashboard, as Elasticsearch receives them, and the time series' bucket width. */
class ReportQueriesTest {

    @Test
    void theOverviewCountsEachVerdictAndInterceptorWithExactDistinctCountsUpToTheThreshold() {
        JsonNode aggs = ReportQueries.overview(DashboardFilter.NONE).path("aggs");
        assertEquals("tlswatch.verdict", aggs.path("verdicts").path("terms").path("field").asText());
        assertEquals(ReportQueries.EXACT_DISTINCT,
                aggs.path("verdicts").path("aggs").path("clients").path("cardinality").path("precision_threshold").asInt());
        assertEquals(ReportQueries.INTERCEPTORS_SHOWN, aggs.path("interceptors").path("terms").path("size").asInt());
        assertEquals("source.ip", aggs.path("affected").path("aggs").path("subnets_v4").path("aggs").path("subnets")
                .path("ip_prefix").path("field").asText());
        assertEquals(64, aggs.path("affected").path("aggs").path("subnets_v6").path("aggs").path("subnets")
                .path("ip_prefix").path("prefix_length").asInt());
        assertEquals("desc", aggs.path("top_server_names").path("terms").path("order").path(0).path("affected").asText());
    }

    @Test
    void theSubnetTotalsAreOneFilterPerSubnetShown() {
        JsonNode body = ReportQueries.timeAndSubnets(DashboardFilter.NONE, 60, 0, 3_600_000, List.of("192.0.2.0/24"));
        assertEquals("192.0.2.0/24", body.path("aggs").path("subnets").path("filters").path("filters")
                .path("192.0.2.0/24").path("term").path("source.ip").asText());
        assertEquals("60s", body.path("aggs").path("time").path("date_histogram").path("fixed_interval").asText());
    }

    @Test
    void samplesAreTheNewestAffectedSessionsWithinTheFilter() {
        JsonNode body = ReportQueries.samples(DashboardFilter.NONE);
        assertEquals(ReportQueries.SAMPLES_SHOWN, body.path("size").asInt());
        assertEquals("desc", body.path("sort").path(0).path("@timestamp").asText());
        assertTrue(body.path("query").toString().contains("\"intercepted\",\"suspected\""), body.toString());
    }

    @Test
    void theBucketWidthKeepsTheSeriesUnder120Buckets() {
        assertEquals(60, LiveReport.width(new long[] {0, 30 * 60_000L}));
        assertEquals(60, LiveReport.width(null));
        assertEquals(300, LiveReport.width(new long[] {0, 3 * 3_600_000L}));
        assertEquals(3_600, LiveReport.width(new long[] {0, 4 * 86_400_000L}));
        long year = 365 * 86_400_000L;
        assertEquals(604_800, LiveReport.width(new long[] {0, year}));
        long decade = 10 * year;
        long w = LiveReport.width(new long[] {0, decade});
        assertTrue(decade / 1000 / w < LiveReport.MAX_BUCKETS && w % 86_400 == 0, "whole days: " + w);
    }
}
