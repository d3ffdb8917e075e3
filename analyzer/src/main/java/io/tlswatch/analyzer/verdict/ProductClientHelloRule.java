package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionMatch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code interception-product-clienthello}: the ClientHello is one that a known interception
 * product sends upstream (fingerprints from Cloudflare's mitmengine captures). A sensor between an
 * interception proxy and the Internet sees the proxy's own hello, not the browser's: there the
 * evidence is suspicious. Elsewhere (a sensor on the client side) the same fingerprint can belong
 * to an ordinary application built on the same TLS library, so it is only informative.
 */
final class ProductClientHelloRule implements Rule {
    static final String ID = "interception-product-clienthello";

    private final InterceptionClientHellos fingerprints;
    private final boolean upstreamOfProxies;

    ProductClientHelloRule(InterceptionClientHellos fingerprints, boolean upstreamOfProxies) {
        this.fingerprints = fingerprints;
        this.upstreamOfProxies = upstreamOfProxies;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        if (in.fingerprints() == null || in.fingerprints().ja4() == null) {
            return;
        }
        String ja3 = in.fingerprints().ja3() != null ? in.fingerprints().ja3().md5() : null;
        for (InterceptionMatch match : fingerprints.match(in.fingerprints().ja4().ja4(), ja3)) {
            InterceptorClass cls = InterceptorClass.fromJsonName(match.interceptorClass());
            Strength strength = upstreamOfProxies ? Strength.SUSPICIOUS : Strength.INFORMATIVE;
            out.add(Evidence.of()
                    .put("product", match.product())
                    .put("matched_by", match.matchedBy().stream().map(k -> k.name().toLowerCase())
                            .sorted().collect(Collectors.joining(" ")))
                    .put("ja4", match.entry().ja4())
                    .put("shared_with", match.entry().sharedWith().isEmpty() ? null : String.join(", ", match.entry().sharedWith()))
                    .as(ID, strength, new Interceptor(cls != null ? cls : InterceptorClass.UNKNOWN, match.product(), null)));
            return;
        }
    }
}
