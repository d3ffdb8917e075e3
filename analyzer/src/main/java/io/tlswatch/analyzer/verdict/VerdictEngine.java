package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.verdict.catalogue.CatalogueMatcher;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decides, for each finished session, whether it was intercepted: validates the chain against the
 * trust store (and the user's sanctioned CAs), once per distinct chain through bounded caches, runs
 * every {@link Rule}, and combines their evidence: decisive evidence makes the session
 * {@link Verdict#INTERCEPTED}, suspicious evidence {@link Verdict#SUSPECTED}, a chain seen with
 * neither is {@link Verdict#CLEAN}, and no chain and no evidence is {@link Verdict#NOT_OBSERVABLE}.
 * Sessions are judged in the order they finish; the notary learns from each after judging it.
 * The rules run on one thread, in session order; the chains may be judged beforehand on the flow
 * workers, each with its own {@link ChainJudge}.
 */
public final class VerdictEngine {
    /** Certificate Transparency SCTs delivered in the handshake (RFC 6962 section 3.3.1). */
    private static final int SIGNED_CERTIFICATE_TIMESTAMP = 18;

    private final TrustStore trustStore;
    private final TrustStore sanctionedCas;
    private final int chainCacheSize;
    /** Judges the chains of sessions no worker prepared (sessions judged directly, as in tests). */
    private final ChainJudge ownJudge;
    private final List<ChainJudge> judges = new CopyOnWriteArrayList<>();
    private final SiteNotary notary;
    private final List<Rule> rules;

    private VerdictEngine(Builder b) {
        this.trustStore = b.trustStore;
        this.sanctionedCas = b.sanctionedCas;
        this.chainCacheSize = b.chainCacheSize;
        this.ownJudge = newChainJudge();
        this.notary = new SiteNotary(b.notaryNames);
        this.rules = List.of(
                new SanctionedCaRule(),
                new KnownInterceptorRule(new CatalogueMatcher(b.catalogue)),
                new CopiedIssuerNameRule(),
                new NotaryRule(notary),
                new UntrustedChainRule(b.trustStoreDate),
                new MissingSctRule(Set.copyOf(b.privateRoots)),
                new ProductClientHelloRule(b.productHellos, b.upstreamOfProxies));
    }

    public static Builder builder(TrustStore trustStore, InterceptorCatalogue catalogue) {
        return new Builder(trustStore, catalogue);
    }

    /**
     * A judge of chains for one flow worker, with caches of its own, sharing this engine's trust
     * stores; its counters add to {@link #chainCacheHits()} and {@link #chainCacheMisses()}.
     */
    public ChainJudge newChainJudge() {
        ChainJudge judge = new ChainJudge(trustStore, sanctionedCas, chainCacheSize);
        judges.add(judge);
        return judge;
    }

    /**
     * The verdict on a finished session, with its evidence. A session a worker's
     * {@link ChainJudge} prepared keeps that chain verdict; any other is prepared here.
     */
    public SessionVerdict judge(TlsSession session) {
        VerdictInput input = input(session);
        List<Evidence> evidence = new ArrayList<>(4);
        for (Rule rule : rules) {
            rule.evaluate(input, evidence);
        }
        notary.learn(input);
        evidence.sort(Comparator.comparing(Evidence::strength));
        return combine(input, evidence);
    }

    private VerdictInput input(TlsSession s) {
        if (!s.isChainJudged()) {
            ownJudge.prepare(s);
        }
        boolean sctInHandshake = s.ocspStapled() || s.serverHello() != null
                && s.serverHello().extensions().has(SIGNED_CERTIFICATE_TIMESTAMP);
        return new VerdictInput(serverName(s), s.serverChain(), s.trustVerdict(), s.sanctionedVerdict(), startTime(s),
                s.clientAccepted(), sctInHandshake, s.clientHello(), s.fingerprints());
    }

    /** The server name the client asked for, or null. */
    static String serverName(TlsSession s) {
        return s.clientHello() != null ? s.clientHello().offered().serverName() : null;
    }

    /** When the session started, on the capture's clock. */
    static Instant startTime(TlsSession s) {
        return Instant.ofEpochSecond(Math.floorDiv(s.startNanos(), 1_000_000_000L),
                Math.floorMod(s.startNanos(), 1_000_000_000L));
    }

    private static SessionVerdict combine(VerdictInput in, List<Evidence> evidence) {
        Strength strongest = evidence.stream().map(Evidence::strength).min(Comparator.naturalOrder())
                .orElse(Strength.INFORMATIVE);
        Verdict verdict;
        if (strongest == Strength.DECISIVE) {
            verdict = Verdict.INTERCEPTED;
        } else if (strongest == Strength.SUSPICIOUS) {
            verdict = Verdict.SUSPECTED;
        } else {
            verdict = in.chainSeen() ? Verdict.CLEAN : Verdict.NOT_OBSERVABLE;
        }
        return new SessionVerdict(verdict, interceptor(evidence, strongest), evidence, in.trust());
    }

    /** A user's sanctioned CA first, then the first named interceptor among the strongest evidence. */
    private static Interceptor interceptor(List<Evidence> evidence, Strength strongest) {
        if (strongest == Strength.INFORMATIVE) {
            return null;
        }
        Interceptor first = null;
        for (Evidence e : evidence) {
            if (e.strength() != strongest || e.interceptor() == null) {
                continue;
            }
            if (e.interceptor().interceptorClass() == InterceptorClass.SANCTIONED) {
                return e.interceptor();
            }
            if (first == null) {
                first = e.interceptor();
            }
        }
        return first;
    }

    /** Chains judged from the cache. */
    public long chainCacheHits() {
        return judges.stream().mapToLong(ChainJudge::cacheHits).sum();
    }

    /** Chains validated from scratch (every chain when the cache is off). */
    public long chainCacheMisses() {
        return judges.stream().mapToLong(ChainJudge::cacheMisses).sum();
    }

    /** Configuration of a {@link VerdictEngine}. */
    public static final class Builder {
        private final TrustStore trustStore;
        private final InterceptorCatalogue catalogue;
        private TrustStore sanctionedCas;
        private int chainCacheSize = 50_000;
        private int notaryNames = 100_000;
        private Set<String> privateRoots = Set.of();
        private Instant trustStoreDate;
        private InterceptionClientHellos productHellos = InterceptionClientHellos.shipped();
        private boolean upstreamOfProxies;

        private Builder(TrustStore trustStore, InterceptorCatalogue catalogue) {
            this.trustStore = trustStore;
            this.catalogue = catalogue;
        }

        /** CAs the user runs for their own TLS inspection: interception labelled {@code sanctioned}. */
        public Builder sanctionedCas(TrustStore cas) {
            this.sanctionedCas = cas;
            return this;
        }

        /**
         * Roots of the trust store that are not public CAs (a private PKI or test CA the user added),
         * by certificate SHA-256: their leaves are not expected to carry Certificate Transparency SCTs.
         */
        public Builder privateRoots(Set<String> certificateSha256s) {
            this.privateRoots = certificateSha256s;
            return this;
        }

        /**
         * When the trust store's roots are as of: untrusted chains in captures more than a year older
         * prove nothing (their public roots may have been removed since). Null (the default): unknown.
         */
        public Builder trustStoreDate(Instant date) {
            this.trustStoreDate = date;
            return this;
        }

        /** The ClientHellos of interception products (default: the shipped table). */
        public Builder productClientHellos(InterceptionClientHellos table) {
            this.productHellos = table;
            return this;
        }

        /**
         * The sensor sits between interception proxies and the Internet, so a product's own
         * ClientHello is suspicious (elsewhere it is only informative).
         */
        public Builder upstreamOfProxies(boolean upstream) {
            this.upstreamOfProxies = upstream;
            return this;
        }

        /**
         * Distinct chains whose validation is kept; 0 validates every chain afresh, without the
         * validator's memory of decoded certificates and signatures either (to measure the cost).
         */
        public Builder chainCacheSize(int n) {
            this.chainCacheSize = n;
            return this;
        }

        /** Server names the notary remembers. */
        public Builder notaryNames(int n) {
            this.notaryNames = n;
            return this;
        }

        public VerdictEngine build() {
            return new VerdictEngine(this);
        }
    }
}
