package io.tlswatch.analyzer.verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How prevalent interception is in what was analysed: sessions, distinct clients and distinct
 * server names per verdict and per interceptor. Distinct counts are exact up to
 * {@link #MAX_DISTINCT} values per set, then reported as lower bounds ({@link Tally#saturated()}).
 * One per analyzer thread; merge for a total.
 */
public final class Prevalence {
    /** Most distinct values a set keeps before it counts as saturated. */
    public static final int MAX_DISTINCT = 1_000_000;

    private final int maxDistinct;
    private final Tally all;
    private final Map<Verdict, Tally> byVerdict = new EnumMap<>(Verdict.class);
    private final Map<Interceptor, Tally> byInterceptor = new LinkedHashMap<>();

    public Prevalence() {
        this(MAX_DISTINCT);
    }

    /** With another bound on the distinct values each set keeps (tests reach it with a few). */
    Prevalence(int maxDistinct) {
        this.maxDistinct = maxDistinct;
        this.all = new Tally(maxDistinct);
        for (Verdict v : Verdict.values()) {
            byVerdict.put(v, new Tally(maxDistinct));
        }
    }

    /** Counts one judged session. */
    public void add(String clientIp, String serverName, long timeNanos, SessionVerdict verdict) {
        all.add(clientIp, serverName, timeNanos);
        byVerdict.get(verdict.verdict()).add(clientIp, serverName, timeNanos);
        if (verdict.interceptor() != null) {
            byInterceptor.computeIfAbsent(verdict.interceptor(), k -> new Tally(maxDistinct)).add(clientIp, serverName, timeNanos);
        }
    }

    public Tally all() { return all; }

    public Tally of(Verdict verdict) { return byVerdict.get(verdict); }

    /** Interceptors by sessions, most first. */
    public List<Map.Entry<Interceptor, Tally>> interceptors() {
        List<Map.Entry<Interceptor, Tally>> list = new ArrayList<>(byInterceptor.entrySet());
        list.sort((a, b) -> Long.compare(b.getValue().sessions(), a.getValue().sessions()));
        return list;
    }

    /** Sessions, clients and server names of one group, with when it was first and last seen. */
    public static final class Tally {
        private final int maxDistinct;
        private long sessions;
        private final Set<String> clients = new HashSet<>();
        private final Set<String> serverNames = new HashSet<>();
        private boolean saturated;
        private long firstNanos = Long.MAX_VALUE;
        private long lastNanos = Long.MIN_VALUE;

        private Tally(int maxDistinct) {
            this.maxDistinct = maxDistinct;
        }

        void add(String clientIp, String serverName, long timeNanos) {
            sessions++;
            keep(clients, clientIp);
            if (serverName != null) {
                keep(serverNames, serverName);
            }
            firstNanos = Math.min(firstNanos, timeNanos);
            lastNanos = Math.max(lastNanos, timeNanos);
        }

        private void keep(Set<String> set, String value) {
            if (set.size() < maxDistinct) {
                set.add(value);
            } else if (!set.contains(value)) {
                saturated = true;
            }
        }

        public long sessions() { return sessions; }

        public int clients() { return clients.size(); }

        public int serverNames() { return serverNames.size(); }

        /** True when a distinct count reached its bound and is a lower bound. */
        public boolean saturated() { return saturated; }

        public long firstNanos() { return firstNanos; }

        public long lastNanos() { return lastNanos; }

        /** Up to {@code n} server names, sorted. */
        public List<String> someServerNames(int n) {
            List<String> names = new ArrayList<>(serverNames);
            Collections.sort(names);
            return names.subList(0, Math.min(n, names.size()));
        }
    }
}
