package io.tlswatch.cli.stack;

import io.tlswatch.analyzer.verdict.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The prevalence one sensor's documents show in Elasticsearch: sessions per verdict and per
 * interceptor, summed from the rollups (exact even where sessions were sampled).
 *
 * @param sensor the sensor (observer.name) counted
 * @param rollups the rollup documents summed
 * @param sessions sessions per verdict, every verdict present
 * @param interceptors the interceptors seen, most sessions first
 */
public record StackPrevalence(String sensor, long rollups, Map<Verdict, Long> sessions,
        List<Interceptor> interceptors) {

    /** One interceptor's sessions: its catalogue id, class and name as the documents wrote them. */
    public record Interceptor(String id, String interceptorClass, String name, long sessions) {
    }

    public StackPrevalence {
        sessions = Map.copyOf(sessions);
        interceptors = List.copyOf(interceptors);
    }

    /** Every session counted. */
    public long total() {
        return sessions.values().stream().mapToLong(Long::longValue).sum();
    }
}
