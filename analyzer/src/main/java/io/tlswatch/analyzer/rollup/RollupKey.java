package io.tlswatch.analyzer.rollup;

import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Verdict;

/**
 * One rollup bucket: a minute (of the sessions' start), a client subnet, a verdict and who
 * intercepted (null for none). The sensor is the same for every bucket of a run.
 */
public record RollupKey(long epochMinute, String clientSubnet, Verdict verdict, Interceptor interceptor) {
}
