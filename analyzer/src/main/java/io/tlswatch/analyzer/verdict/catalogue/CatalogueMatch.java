package io.tlswatch.analyzer.verdict.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A catalogue entry that matched a chain, with every piece of evidence found (chain order).
 *
 * @param entry the interceptor
 * @param evidence what matched where; never empty
 */
public record CatalogueMatch(InterceptorEntry entry, List<MatchEvidence> evidence) {

    public CatalogueMatch {
        Objects.requireNonNull(entry, "entry");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a match needs evidence");
        }
    }
}
