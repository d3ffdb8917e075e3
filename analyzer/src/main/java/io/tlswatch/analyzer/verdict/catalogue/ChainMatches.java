package io.tlswatch.analyzer.verdict.catalogue;

import java.util.List;

/**
 * What {@link CatalogueMatcher} found in one chain.
 *
 * @param matches matching entries in catalogue order, each with its evidence
 * @param certificatesIgnored certificates past {@link CatalogueLimits#MAX_CHAIN_CERTIFICATES} that
 *     were not examined (0 for any real chain)
 */
public record ChainMatches(List<CatalogueMatch> matches, int certificatesIgnored) {
    private static final ChainMatches NONE = new ChainMatches(List.of(), 0);

    public ChainMatches {
        matches = List.copyOf(matches);
    }

    /** No match, nothing ignored. */
    public static ChainMatches none() {
        return NONE;
    }

    /** True when some entry matched. */
    public boolean any() {
        return !matches.isEmpty();
    }
}
