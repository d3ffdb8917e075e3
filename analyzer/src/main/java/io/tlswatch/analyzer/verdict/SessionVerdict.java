package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.util.List;

/**
 * The verdict on one session with everything behind it.
 *
 * @param interceptor who intercepted, or null (clean, not observable, or suspected with no name)
 * @param evidence    every rule's finding, decisive first
 * @param chain       what chain validation against the trust store found, or null when no
 *                    certificate was seen
 */
public record SessionVerdict(Verdict verdict, Interceptor interceptor, List<Evidence> evidence, ChainVerdict chain) {
    public SessionVerdict {
        evidence = List.copyOf(evidence);
    }

    /** The ids of the rules that found something, in evidence order, without repeats. */
    public List<String> rules() {
        return evidence.stream().map(Evidence::rule).distinct().toList();
    }
}
