package io.tlswatch.analyzer.verdict.catalogue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.DistinguishedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the catalogue's interceptors in a server's certificate chain, with the evidence: which
 * certificate, which field, which value, which pattern.
 *
 * <p>Every certificate is looked up by its SHA-256 and its SPKI SHA-256 (hash maps, O(1)). Names
 * are matched on the issuer of every certificate and on the subject of every certificate but the
 * first: the first is the site's own, whose subject any site chooses, while an issuer names the CA
 * that signed (forgers re-issue roots under the same name with new keys, so names catch what hashes
 * miss). Whole names ({@code issuer_dn}) are a hash lookup too; attribute patterns are precompiled
 * and tried in turn. Work per chain is bounded: at most
 * {@link CatalogueLimits#MAX_CHAIN_CERTIFICATES} certificates, two names each, every name's values
 * bounded by the certificate parser.
 *
 * <p>Not thread-safe: it remembers, for a bounded number of names, which entries each matched
 * (public CAs' names recur in every chain). One matcher per judging thread.
 */
public final class CatalogueMatcher {
    private final List<InterceptorEntry> order;
    private final Map<String, List<InterceptorEntry>> byCertSha256 = new HashMap<>();
    private final Map<String, List<InterceptorEntry>> bySpkiSha256 = new HashMap<>();
    private final Map<String, List<Keyed>> byNameKey = new HashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private record Keyed(InterceptorEntry entry, String text) {
    }

    private record Pattern(InterceptorEntry entry, NamePattern pattern) {
    }

    /** Names remembered with what they matched; a matcher is used by one thread. */
    private static final int REMEMBERED_NAMES = 100_000;
    private final Map<String, List<NameHit>> nameHits = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<NameHit>> eldest) {
            return size() > REMEMBERED_NAMES;
        }
    };

    public CatalogueMatcher(InterceptorCatalogue catalogue) {
        order = catalogue.entries();
        for (InterceptorEntry entry : order) {
            for (String hash : entry.certSha256()) {
                byCertSha256.computeIfAbsent(hash, h -> new ArrayList<>(1)).add(entry);
            }
            for (String hash : entry.spkiSha256()) {
                bySpkiSha256.computeIfAbsent(hash, h -> new ArrayList<>(1)).add(entry);
            }
            for (int i = 0; i < entry.issuerNameKeys().size(); i++) {
                byNameKey.computeIfAbsent(entry.issuerNameKeys().get(i), k -> new ArrayList<>(1))
                        .add(new Keyed(entry, entry.issuerNames().get(i)));
            }
            for (NamePattern pattern : entry.compiledIssuerPatterns()) {
                patterns.add(new Pattern(entry, pattern));
            }
        }
    }

    /**
     * The entries found in {@code chain} (the Certificate message's certificates in the order sent,
     * the server's own first; unparsed ones still match by hash), in catalogue order.
     */
    public ChainMatches match(List<CertificateInfo> chain) {
        Map<InterceptorEntry, List<MatchEvidence>> found = new IdentityHashMap<>();
        int examined = Math.min(chain.size(), CatalogueLimits.MAX_CHAIN_CERTIFICATES);
        for (int i = 0; i < examined; i++) {
            CertificateInfo certificate = chain.get(i);
            if (certificate != null) {
                matchCertificate(i, certificate, found);
            }
        }
        int ignored = chain.size() - examined;
        if (found.isEmpty()) {
            return ignored == 0 ? ChainMatches.none() : new ChainMatches(List.of(), ignored);
        }
        List<CatalogueMatch> matches = new ArrayList<>(found.size());
        for (InterceptorEntry entry : order) {
            List<MatchEvidence> evidence = found.get(entry);
            if (evidence != null) {
                matches.add(new CatalogueMatch(entry, evidence));
            }
        }
        return new ChainMatches(matches, ignored);
    }

    private void matchCertificate(int index, CertificateInfo certificate, Map<InterceptorEntry, List<MatchEvidence>> found) {
        String sha256 = certificate.sha256();
        for (InterceptorEntry entry : byCertSha256.getOrDefault(sha256, List.of())) {
            add(found, entry, new MatchEvidence(index, sha256, MatchedField.CERT_SHA256, sha256, sha256));
        }
        if (certificate.publicKey() != null) {
            String spki = certificate.publicKey().spkiSha256();
            for (InterceptorEntry entry : bySpkiSha256.getOrDefault(spki, List.of())) {
                add(found, entry, new MatchEvidence(index, sha256, MatchedField.SPKI_SHA256, spki, spki));
            }
        }
        if (certificate.isParsed()) {
            matchName(index, sha256, MatchedField.ISSUER, certificate.issuer(), found);
            if (index > 0) {
                matchName(index, sha256, MatchedField.SUBJECT, certificate.subject(), found);
            }
        }
    }

    private void matchName(int index, String sha256, MatchedField field, DistinguishedName name,
            Map<InterceptorEntry, List<MatchEvidence>> found) {
        if (name == null) {
            return;
        }
        for (NameHit hit : nameHits(name)) {
            add(found, hit.entry(), new MatchEvidence(index, sha256, field, hit.value(), hit.pattern()));
        }
    }

    /** The entries a name matches, remembered per name: public CAs' names recur in every chain. */
    private List<NameHit> nameHits(DistinguishedName name) {
        List<NameHit> hits = nameHits.get(name.distinguishedName());
        if (hits != null) {
            return hits;
        }
        hits = new ArrayList<>(0);
        FoldedName folded = FoldedName.of(name);
        if (folded.key() != null) {
            for (Keyed keyed : byNameKey.getOrDefault(folded.key(), List.of())) {
                hits.add(new NameHit(keyed.entry(), folded.text(), keyed.text()));
            }
        }
        for (Pattern p : patterns) {
            if (p.pattern().matches(folded)) {
                hits.add(new NameHit(p.entry(), folded.text(), p.pattern().text()));
            }
        }
        hits = hits.isEmpty() ? List.of() : List.copyOf(hits);
        nameHits.put(name.distinguishedName(), hits);
        return hits;
    }

    /** One entry a name matched: the name as matched and the catalogue's pattern. */
    private record NameHit(InterceptorEntry entry, String value, String pattern) {
    }

    private static void add(Map<InterceptorEntry, List<MatchEvidence>> found, InterceptorEntry entry, MatchEvidence evidence) {
        found.computeIfAbsent(entry, e -> new ArrayList<>(2)).add(evidence);
    }
}
