package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a chain that does not lead to the trust store says, by what it is:
 * <ul>
 * <li>{@code untrusted-chain-accepted} (suspicious): issued by a CA the public store does not
 * hold, and the client went on to application data anyway. That is what an interceptor whose
 * root was installed on the client looks like (and also a private PKI the client was set up to
 * trust: the evidence cannot tell them apart, so it does not decide). The CA is named as the
 * interceptor, class unknown.</li>
 * <li>{@code self-signed-server} (informative): the server's own certificate signs itself, as a
 * device's or a test server's does. Not interception by itself.</li>
 * <li>{@code issuer-fetchable} (informative): the chain stops short of the store, but the
 * certificate whose issuer is missing says where to fetch it (AIA caIssuers), as legitimate
 * servers that forget an intermediate do and on-the-fly forgers, which drop such extensions,
 * do not. Old captures whose roots have since left the store look like this too.</li>
 * <li>{@code trust-store-newer-than-capture} (informative): the capture is more than a year older
 * than the roots the trust store holds, so its chain may end at a public root that has since been
 * removed (VeriSign, Equifax, GeoTrust...). Such a chain proves nothing either way; replay old
 * captures with a trust store of their era ({@code --trust-store}).</li>
 * <li>{@code untrusted-chain-rejected} / {@code untrusted-chain} (informative): the client refused
 * the chain, or we could not tell whether it went on.</li>
 * <li>{@code public-chain-problem} (informative): publicly rooted, but expired, for another name,
 * or otherwise not valid: a server's mistake, not a forgery.</li>
 * </ul>
 */
final class UntrustedChainRule implements Rule {
    static final String ACCEPTED = "untrusted-chain-accepted";
    static final String SELF_SIGNED = "self-signed-server";
    static final String FETCHABLE = "issuer-fetchable";
    static final String REJECTED = "untrusted-chain-rejected";
    static final String UNKNOWN_ACCEPTANCE = "untrusted-chain";
    static final String PUBLIC_PROBLEM = "public-chain-problem";
    static final String STALE_STORE = "trust-store-newer-than-capture";
    /** How much older than the store's roots a capture may be before its untrusted chains prove nothing. */
    static final Duration STALENESS = Duration.ofDays(365);

    private final Instant trustStoreDate;

    /** @param trustStoreDate when the trust store's roots are as of, or null when unknown */
    UntrustedChainRule(Instant trustStoreDate) {
        this.trustStoreDate = trustStoreDate;
    }

    private static final Set<ChainFailure> ISSUER_MISSING = Set.of(ChainFailure.UNKNOWN_ISSUER, ChainFailure.INCOMPLETE_CHAIN);

    @Override
    public String id() {
        return ACCEPTED;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        ChainVerdict trust = in.trust();
        if (trust == null || !in.chainSeen() || trust.failures().contains(ChainFailure.MALFORMED_LEAF)) {
            return;
        }
        String failures = failureIds(trust);
        if (trust.anchoredInStore()) {
            if (!trust.failures().isEmpty()) {
                out.add(Evidence.of().put("failures", failures).as(PUBLIC_PROBLEM, Strength.INFORMATIVE, null));
            }
            return;
        }
        CertificateInfo leaf = in.leaf();
        if (trust.failures().contains(ChainFailure.SELF_SIGNED) || leaf.selfSigned()) {
            out.add(Evidence.of()
                    .put("subject", leaf.subject().distinguishedName())
                    .put("client_accepted", in.clientAccepted())
                    .as(SELF_SIGNED, Strength.INFORMATIVE, null));
            return;
        }
        CertificateInfo top = topOfPath(in, trust);
        if (trust.failures().stream().anyMatch(ISSUER_MISSING::contains) && top != null && !top.caIssuerUris().isEmpty()) {
            out.add(Evidence.of()
                    .put("missing_issuer", trust.missingIssuer())
                    .put("ca_issuers", String.join(" ", top.caIssuerUris()))
                    .as(FETCHABLE, Strength.INFORMATIVE, null));
            return;
        }
        String ca = issuingCa(trust, top);
        Evidence.Facts facts = Evidence.of().put("issuing_ca", ca).put("failures", failures)
                .put("client_accepted", in.clientAccepted());
        if (trustStoreDate != null && in.captureTime().plus(STALENESS).isBefore(trustStoreDate)) {
            out.add(facts.put("capture_time", in.captureTime()).put("trust_store_as_of", trustStoreDate)
                    .as(STALE_STORE, Strength.INFORMATIVE, null));
        } else if (Boolean.TRUE.equals(in.clientAccepted())) {
            out.add(facts.as(ACCEPTED, Strength.SUSPICIOUS,
                    ca != null && !ca.isBlank() ? new Interceptor(InterceptorClass.UNKNOWN, ca, null) : null));
        } else if (Boolean.FALSE.equals(in.clientAccepted())) {
            out.add(facts.as(REJECTED, Strength.INFORMATIVE, null));
        } else {
            out.add(facts.as(UNKNOWN_ACCEPTANCE, Strength.INFORMATIVE, null));
        }
    }

    /** The certificate at the top of the best path found (whose issuer is missing, or the root sent). */
    private static CertificateInfo topOfPath(VerdictInput in, ChainVerdict trust) {
        List<String> path = trust.path();
        if (path.isEmpty()) {
            return in.leaf();
        }
        String top = path.get(path.size() - 1);
        for (CertificateInfo c : in.chain()) {
            if (c.sha256().equals(top)) {
                return c;
            }
        }
        return in.leaf();
    }

    /** The CA that issued the chain: the root it ends at, or the issuer nobody had. */
    private static String issuingCa(ChainVerdict trust, CertificateInfo top) {
        if (trust.anchor() != null) {
            return trust.anchor().subject();
        }
        if (trust.missingIssuer() != null) {
            return trust.missingIssuer();
        }
        return top != null && top.isParsed() ? top.issuer().distinguishedName() : null;
    }

    static String failureIds(ChainVerdict trust) {
        return String.join(" ", trust.failures().stream().map(ChainFailure::id).sorted().toList());
    }
}
