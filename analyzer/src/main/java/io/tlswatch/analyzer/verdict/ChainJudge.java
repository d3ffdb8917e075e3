package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.x509.trust.ChainValidator;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import io.tlswatch.analyzer.x509.trust.ChainVerdictCache;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of judging a session that depends on that session alone: its server chain validated
 * against the trust store and against the user's sanctioned CAs (once per distinct chain, through
 * bounded caches), and its fingerprints. It runs on the flow worker that finished the session, so
 * the work spreads over the workers and the sink's single thread only runs the {@link Rule}s,
 * which must see sessions in order (the notary learns from each).
 *
 * <p>Not thread-safe: one per worker (see {@link VerdictEngine#newChainJudge()}). The trust stores
 * are shared; they are read-only once built.
 */
public final class ChainJudge {
    private final ChainValidator trustValidator;
    private final ChainVerdictCache trust;
    private final ChainVerdictCache sanctioned;
    private long uncachedValidations;

    ChainJudge(TrustStore trustStore, TrustStore sanctionedCas, int chainCacheSize) {
        this.trustValidator = new ChainValidator(trustStore);
        this.trust = chainCacheSize > 0 ? new ChainVerdictCache(trustValidator, chainCacheSize) : null;
        this.sanctioned = sanctionedCas == null || sanctionedCas.size() == 0 ? null
                : new ChainVerdictCache(new ChainValidator(sanctionedCas), Math.max(1, chainCacheSize));
    }

    /**
     * Judges the session's chain and computes its fingerprints, keeping both on the session for
     * {@link VerdictEngine#judge}. A session without a chain only gets its fingerprints.
     */
    public void prepare(TlsSession session) {
        session.fingerprints();
        if (session.serverChainDer().isEmpty()) {
            session.chainJudged(null, null);
            return;
        }
        String serverName = VerdictEngine.serverName(session);
        Instant at = VerdictEngine.startTime(session);
        List<String> hashes = new ArrayList<>(session.serverChain().size());
        session.serverChain().forEach(c -> hashes.add(c.sha256()));
        ChainVerdict trustVerdict;
        if (trust != null) {
            trustVerdict = trust.verdict(session.serverChainDer(), hashes, serverName, at);
        } else {
            uncachedValidations++;
            trustVerdict = new ChainValidator(trustValidator.trustStore()).validate(session.serverChainDer(), serverName, at);
        }
        ChainVerdict sanctionedVerdict = sanctioned != null
                ? sanctioned.verdict(session.serverChainDer(), hashes, serverName, at) : null;
        session.chainJudged(trustVerdict, sanctionedVerdict);
    }

    /** Chains judged from the cache. */
    long cacheHits() {
        return trust != null ? trust.hits() : 0;
    }

    /** Chains validated from scratch (every chain when the cache is off). */
    long cacheMisses() {
        return trust != null ? trust.misses() : uncachedValidations;
    }
}
