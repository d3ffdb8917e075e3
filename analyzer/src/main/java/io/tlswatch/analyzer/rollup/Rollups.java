package io.tlswatch.analyzer.rollup;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact session counts per minute x client subnet x verdict x interceptor, for one sensor. A minute
 * is closed (its buckets become documents) once a session started more than {@code latenessNanos}
 * after its end was counted: sessions reach the sink in the order they finished, so one that
 * started in a closed minute is rare, and counted in a new part of its bucket rather than lost.
 * Past {@code maxOpenBuckets} the oldest minute is closed early (counted in {@link #earlyCloses()}).
 * One thread (the analyzer's sink).
 */
public final class Rollups {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    /** Parts remembered per bucket for a day of minutes behind the newest closed one. */
    private static final long PARTS_KEPT_MINUTES = 24 * 60;

    private final String sensor;
    private final ClientSubnet subnets;
    private final long latenessNanos;
    private final int maxOpenBuckets;
    private final TreeMap<Long, Map<RollupKey, long[]>> open = new TreeMap<>();
    private final Map<RollupKey, Integer> partsEmitted = new HashMap<>();
    private int openBuckets;
    private long newestStartNanos = Long.MIN_VALUE;
    private long newestClosedMinute = Long.MIN_VALUE;
    private long sessions;
    private long documents;
    private long lateParts;
    private long earlyCloses;

    public Rollups(String sensor, ClientSubnet subnets, long latenessNanos, int maxOpenBuckets) {
        this.sensor = sensor;
        this.subnets = subnets;
        this.latenessNanos = latenessNanos;
        this.maxOpenBuckets = maxOpenBuckets;
    }

    /** Counts one judged session; returns the documents of the minutes this closed (often none). */
    public List<RollupDocument> count(FlowEndpoints client, long startNanos, SessionVerdict verdict) {
        long minute = Math.floorDiv(startNanos, NANOS_PER_MINUTE);
        RollupKey key = new RollupKey(minute, subnets.of(client.clientHi(), client.clientLo()), verdict.verdict(),
                verdict.interceptor());
        long[] n = open.computeIfAbsent(minute, m -> new LinkedHashMap<>()).computeIfAbsent(key, k -> {
            openBuckets++;
            return new long[1];
        });
        n[0]++;
        sessions++;
        newestStartNanos = Math.max(newestStartNanos, startNanos);
        List<RollupDocument> closed = new ArrayList<>();
        while (!open.isEmpty() && ((open.firstKey() + 1) * NANOS_PER_MINUTE + latenessNanos < newestStartNanos
                || openBuckets > maxOpenBuckets)) {
            if (openBuckets > maxOpenBuckets) {
                earlyCloses++;
            }
            closeFirst(closed);
        }
        return closed;
    }

    /** Closes every open minute (the end of the run). */
    public List<RollupDocument> closeAll() {
        List<RollupDocument> closed = new ArrayList<>();
        while (!open.isEmpty()) {
            closeFirst(closed);
        }
        return closed;
    }

    private void closeFirst(List<RollupDocument> out) {
        Map.Entry<Long, Map<RollupKey, long[]>> first = open.pollFirstEntry();
        for (Map.Entry<RollupKey, long[]> b : first.getValue().entrySet()) {
            int part = partsEmitted.merge(b.getKey(), 1, Integer::sum) - 1;
            if (part > 0) {
                lateParts++;
            }
            out.add(new RollupDocument(b.getKey(), sensor, part, b.getValue()[0]));
            documents++;
            openBuckets--;
        }
        newestClosedMinute = Math.max(newestClosedMinute, first.getKey());
        Iterator<RollupKey> old = partsEmitted.keySet().iterator();
        if (partsEmitted.size() > 4 * Math.max(1024, maxOpenBuckets)) {
            while (old.hasNext()) {
                if (old.next().epochMinute() < newestClosedMinute - PARTS_KEPT_MINUTES) {
                    old.remove();
                }
            }
        }
    }

    /** Sessions counted. */
    public long sessions() { return sessions; }

    /** Rollup documents made. */
    public long documents() { return documents; }

    /** Documents that were a later part of a bucket already emitted (a session that came late). */
    public long lateParts() { return lateParts; }

    /** Minutes closed early because too many buckets were open. */
    public long earlyCloses() { return earlyCloses; }
}
