package io.tlswatch.analyzer.verdict.fingerprints;

import java.util.Objects;
import java.util.Set;

/**
 * A ClientHello that carried the fingerprint of an interception product: the row and which of its
 * fingerprints matched (both, when the hello is the one the row was made from).
 */
public record InterceptionMatch(InterceptionClientHello entry, Set<FingerprintKind> matchedBy) {
    public InterceptionMatch {
        Objects.requireNonNull(entry, "entry");
        matchedBy = Set.copyOf(matchedBy);
        if (matchedBy.isEmpty()) {
            throw new IllegalArgumentException("a match matched on something");
        }
    }

    public String product() {
        return entry.product();
    }

    public String interceptorClass() {
        return entry.interceptorClass();
    }
}
