package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Elasticsearch searches behind the live dashboard, as JSON bodies (Elasticsearch reference,
 * "Aggregations"): one for the prevalence rows, visibility, sensors and the most affected server
 * names and subnets; one for the time series and the totals of the subnets found affected; one for
 * the latest affected sessions; one over the {@code stats} data stream for capture losses. Field
 * names are those of the index templates ({@code indexer/templates}). Counts of distinct clients
 * and names are {@code cardinality} aggregations: exact up to {@link #EXACT_DISTINCT}, estimates
 * (within a few percent) past it.
 */
final class ReportQueries {
    static final String SESSIONS = "tlswatch-sessions";
    static final String STATS = "tlswatch-stats";
    static final String CERTIFICATES = "tlswatch-certificates";
    static final int EXACT_DISTINCT = 40_000;
    static final int EXACT_DISTINCT_PER_BUCKET = 3_000;
    static final int INTERCEPTORS_SHOWN = 50;
    static final int TOP_SHOWN = 20;
    static final int SENSORS_SHOWN = 50;
    /** Sensors with a line of their own in the per-sensor chart (the busiest of each bucket). */
    static final int SENSORS_CHARTED = 10;
    static final int SAMPLES_SHOWN = 50;
    static final List<String> AFFECTED = List.of("intercepted", "suspected");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReportQueries() {
    }

    /** Overall, per verdict and per interceptor counts; visibility; sensors; affected server names and subnets. */
    static ObjectNode overview(DashboardFilter filter) {
        ObjectNode body = sizeZero(filter.sessionQuery());
        ObjectNode aggs = body.putObject("aggs");
        distinctAndSpan(aggs);
        distinctAndSpan(terms(aggs, "verdicts", "tlswatch.verdict", 10));
        ObjectNode interceptors = terms(aggs, "interceptors", "tlswatch.interceptor.name", INTERCEPTORS_SHOWN);
        distinctAndSpan(interceptors);
        terms(interceptors, "class", "tlswatch.interceptor.class", 1);
        terms(interceptors, "id", "tlswatch.interceptor.id", 1);
        cardinality(aggs, "interceptor_names", "tlswatch.interceptor.name");

        ObjectNode visibility = aggs.putObject("visibility");
        ObjectNode filters = visibility.putObject("filters");
        filters.put("other_bucket_key", "other");
        ObjectNode byTransport = filters.putObject("filters");
        byTransport.putObject("quic").putObject("term").put("network.protocol", "quic");
        ObjectNode tls13 = byTransport.putObject("tls13").putObject("bool");
        tls13.putArray("filter").addObject().putObject("term").put("tls.version", "1.3");
        tls13.putArray("must_not").addObject().putObject("term").put("network.protocol", "quic");
        terms(visibility.putObject("aggs"), "verdicts", "tlswatch.verdict", 10);

        ObjectNode sensors = terms(aggs, "sensors", "observer.name", SENSORS_SHOWN);
        cardinality(sensors, "clients", "source.ip");
        ObjectNode intercepted = filterAgg(sensors, "intercepted", verdictIs(List.of("intercepted")));
        cardinality(intercepted.putObject("aggs"), "clients", "source.ip");
        terms(sensors, "verdicts", "tlswatch.verdict", 10);

        ObjectNode names = terms(aggs, "top_server_names", "tls.client.server_name", TOP_SHOWN);
        ((ObjectNode) names.get("terms")).putArray("order").addObject().put("affected", "desc");
        filterAgg(names, "affected", verdictIs(AFFECTED));
        terms(names, "verdicts", "tlswatch.verdict", 10);

        ObjectNode affected = filterAgg(aggs, "affected", verdictIs(AFFECTED)).putObject("aggs");
        cardinality(affected, "server_names", "tls.client.server_name");
        filterAgg(affected, "with_server_name", exists("tls.client.server_name"));
        ipPrefix(affected, "subnets_v4", false, 24);
        ipPrefix(affected, "subnets_v6", true, 64);
        return body;
    }

    /**
     * Sessions per bucket of {@code widthSeconds} from {@code fromMillis} (per verdict, and per
     * sensor with their intercepted share), and each subnet's sessions per verdict.
     */
    static ObjectNode timeAndSubnets(DashboardFilter filter, long widthSeconds, long fromMillis, long toMillis,
                                     List<String> subnets) {
        ObjectNode body = sizeZero(filter.sessionQuery());
        ObjectNode aggs = body.putObject("aggs");
        ObjectNode histogram = aggs.putObject("time");
        ObjectNode h = histogram.putObject("date_histogram");
        h.put("field", "@timestamp");
        h.put("fixed_interval", widthSeconds + "s");
        h.put("min_doc_count", 0);
        ObjectNode bounds = h.putObject("extended_bounds");
        bounds.put("min", fromMillis);
        bounds.put("max", toMillis);
        ObjectNode perBucket = histogram.putObject("aggs");
        terms(perBucket, "verdicts", "tlswatch.verdict", 10);
        cardinality(perBucket, "clients", "source.ip", EXACT_DISTINCT_PER_BUCKET);
        for (String v : AFFECTED) {
            cardinality(filterAgg(perBucket, v, verdictIs(List.of(v))).putObject("aggs"), "clients", "source.ip",
                    EXACT_DISTINCT_PER_BUCKET);
        }
        ObjectNode sensors = terms(perBucket, "sensors", "observer.name", SENSORS_CHARTED);
        cardinality(sensors, "clients", "source.ip", EXACT_DISTINCT_PER_BUCKET);
        cardinality(filterAgg(sensors, "intercepted", verdictIs(List.of("intercepted"))).putObject("aggs"), "clients",
                "source.ip", EXACT_DISTINCT_PER_BUCKET);
        if (!subnets.isEmpty()) {
            ObjectNode bySubnet = aggs.putObject("subnets");
            ObjectNode each = bySubnet.putObject("filters").putObject("filters");
            for (String subnet : subnets) {
                each.putObject(subnet).putObject("term").put("source.ip", subnet);
            }
            terms(bySubnet.putObject("aggs"), "verdicts", "tlswatch.verdict", 10);
        }
        return body;
    }

    /** The newest intercepted or suspected sessions, with the fields the page's table shows. */
    static ObjectNode samples(DashboardFilter filter) {
        ObjectNode query = F.objectNode();
        ObjectNode bool = query.putObject("bool");
        bool.putArray("filter").add(filter.sessionQuery()).add(verdictIs(AFFECTED));
        ObjectNode body = F.objectNode();
        body.put("size", SAMPLES_SHOWN);
        body.put("track_total_hits", true);
        body.set("query", query);
        body.putArray("sort").addObject().put("@timestamp", "desc");
        ArrayNode source = body.putArray("_source");
        for (String field : List.of("@timestamp", "source.ip", "destination.ip", "tls.client.server_name",
                "tls.client.ja4", "tls.server.subject", "tls.server.issuer", "tls.server.hash.sha256",
                "tlswatch.verdict", "tlswatch.interceptor", "tlswatch.rules", "observer.name")) {
            source.add(field);
        }
        return body;
    }

    /** Capture counters per sensor and interface: what was received, what was lost. */
    static ObjectNode captureLosses(DashboardFilter filter) {
        ObjectNode body = sizeZero(filter.statsQuery());
        ObjectNode interfaces = terms(terms(body.putObject("aggs"), "sensors", "observer.name", SENSORS_SHOWN),
                "interfaces", "observer.ingress.interface.name", 20);
        ObjectNode sums = interfaces.putObject("aggs");
        sums.putObject("received").putObject("sum").put("field", "tlswatch.capture.delta.received");
        sums.putObject("lost").putObject("sum").put("field", "tlswatch.capture.delta.lost");
        sums.putObject("first").putObject("min").put("field", "@timestamp");
        sums.putObject("last").putObject("max").put("field", "@timestamp");
        return body;
    }

    /** One session by its id (the flow id the indexer used as document id). */
    static ObjectNode session(String id) {
        ObjectNode body = F.objectNode();
        body.put("size", 1);
        body.putObject("query").putObject("ids").putArray("values").add(id);
        return body;
    }

    private static ObjectNode sizeZero(ObjectNode query) {
        ObjectNode body = F.objectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.set("query", query);
        return body;
    }

    private static void distinctAndSpan(ObjectNode parent) {
        ObjectNode aggs = aggsOf(parent);
        cardinality(aggs, "clients", "source.ip");
        cardinality(aggs, "server_names", "tls.client.server_name");
        aggs.putObject("first").putObject("min").put("field", "@timestamp");
        aggs.putObject("last").putObject("max").put("field", "@timestamp");
    }

    /** Adds a terms aggregation {@code name} to {@code aggs} (or to a parent aggregation's {@code aggs}). */
    private static ObjectNode terms(ObjectNode parent, String name, String field, int size) {
        ObjectNode agg = aggsOf(parent).putObject(name);
        ObjectNode t = agg.putObject("terms");
        t.put("field", field);
        t.put("size", size);
        return agg;
    }

    /**
     * Where sub-aggregations of {@code parent} go: its {@code aggs} when {@code parent} is an
     * aggregation (it has a {@code terms} or {@code filter} body), else {@code parent} itself (an
     * {@code aggs} object already).
     */
    private static ObjectNode aggsOf(ObjectNode parent) {
        if (!parent.has("terms") && !parent.has("filter")) {
            return parent;
        }
        return parent.has("aggs") ? (ObjectNode) parent.get("aggs") : parent.putObject("aggs");
    }

    private static void cardinality(ObjectNode parent, String name, String field) {
        cardinality(parent, name, field, EXACT_DISTINCT);
    }

    private static void cardinality(ObjectNode parent, String name, String field, int exactUpTo) {
        ObjectNode c = aggsOf(parent).putObject(name).putObject("cardinality");
        c.put("field", field);
        c.put("precision_threshold", exactUpTo);
    }

    private static ObjectNode filterAgg(ObjectNode parent, String name, ObjectNode query) {
        ObjectNode agg = aggsOf(parent).putObject(name);
        agg.set("filter", query);
        return agg;
    }

    private static void ipPrefix(ObjectNode aggs, String name, boolean ipv6, int prefixLength) {
        ObjectNode agg = aggs.putObject(name);
        ObjectNode family = F.objectNode();
        ObjectNode v4 = F.objectNode();
        v4.putObject("term").put("source.ip", "0.0.0.0/0");
        if (ipv6) {
            family.putObject("bool").putArray("must_not").add(v4);
        } else {
            family = v4;
        }
        agg.set("filter", family);
        ObjectNode prefix = agg.putObject("aggs").putObject("subnets").putObject("ip_prefix");
        prefix.put("field", "source.ip");
        prefix.put("prefix_length", prefixLength);
        prefix.put("is_ipv6", ipv6);
    }

    private static ObjectNode verdictIs(List<String> verdicts) {
        ObjectNode q = F.objectNode();
        ArrayNode values = q.putObject("terms").putArray("tlswatch.verdict");
        verdicts.forEach(values::add);
        return q;
    }

    private static ObjectNode exists(String field) {
        ObjectNode q = F.objectNode();
        q.putObject("exists").put("field", field);
        return q;
    }
}
