package io.tlswatch.analyzer.x509.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Judges the certificate chain a server sent against a {@link TrustStore}, as a browser would
 * have at the time of the capture: builds the path from the leaf to a root (see
 * {@link PathBuilder}: our own builder on Bouncy Castle primitives, not PKIX's
 * {@code CertPathBuilder}), checks it (see {@link PathChecks}), matches the server name against
 * the leaf (RFC 6125), and judges validity at the capture time, never the time of the replay.
 *
 * <p>The certificates may come in any order after the leaf, with extras, gaps and repeats; the
 * first {@link TrustLimits#MAX_CHAIN_CERTIFICATES} are used. Never throws for hostile input:
 * garbage, loops in issuer links and oversized chains become named failures and notes.
 *
 * <p>Not thread-safe: it keeps decoded certificates and remembered signature checks for reuse.
 * Use one per worker thread; the {@link TrustStore} itself may be shared.
 */
public final class ChainValidator {
    private final TrustStore store;
    private final DecodedCertificates decoded = new DecodedCertificates(TrustLimits.DECODED_CERTIFICATES);
    private final Sha256Hex sha256 = new Sha256Hex();

    public ChainValidator(TrustStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public TrustStore trustStore() {
        return store;
    }

    /**
     * The verdict on {@code chain} (DER certificates as sent, leaf first; null entries count as
     * garbage) for {@code serverName} (the ClientHello's SNI; null when there was none) at
     * {@code captureTime}.
     */
    public ChainVerdict validate(List<byte[]> chain, String serverName, Instant captureTime) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(captureTime, "captureTime");
        return analyze(chain, hashes(chain), serverName).judgeAt(captureTime);
    }

    /** Decoded certificates dropped to stay within {@link TrustLimits#DECODED_CERTIFICATES}. */
    public long decodedEvictions() {
        return decoded.evictions();
    }

    /** SHA-256s of the certificates that will be used (the first {@link TrustLimits#MAX_CHAIN_CERTIFICATES}). */
    List<String> hashes(List<byte[]> chain) {
        int used = Math.min(chain.size(), TrustLimits.MAX_CHAIN_CERTIFICATES);
        List<String> hashes = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            hashes.add(sha256.of(orEmpty(chain.get(i))));
        }
        return hashes;
    }

    /** The time-independent analysis; {@code hashes} from {@link #hashes}. */
    ChainAnalysis analyze(List<byte[]> chain, List<String> hashes, String serverName) {
        Set<ChainNote> notes = EnumSet.noneOf(ChainNote.class);
        int ignored = chain.size() - hashes.size();
        if (ignored > 0) {
            notes.add(ChainNote.CERTIFICATES_IGNORED);
        }
        if (chain.isEmpty()) {
            return ChainAnalysis.unbuilt(List.of(), ChainFailure.NO_CERTIFICATE, notes, 0, 0);
        }
        List<ChainCertificate> sent = new ArrayList<>(hashes.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hashes.size(); i++) {
            ChainCertificate certificate = decoded.get(hashes.get(i), orEmpty(chain.get(i)));
            if (certificate == null) {
                if (i == 0) {
                    return ChainAnalysis.unbuilt(List.of(hashes.get(0)), ChainFailure.MALFORMED_LEAF, notes,
                            chain.size(), ignored);
                }
                notes.add(ChainNote.UNPARSEABLE_CERTIFICATES);
            } else if (seen.add(certificate.sha256())) {
                sent.add(certificate);
            }
        }
        PathBuilder.Result paths = PathBuilder.build(sent, store);
        if (paths.bounded()) {
            notes.add(ChainNote.SEARCH_BOUNDED);
        }
        Set<ChainFailure> failures = EnumSet.noneOf(ChainFailure.class);
        ServerNameCheck.Result name = ServerNameCheck.check(sent.get(0), serverName);
        if (!name.checked()) {
            notes.add(ChainNote.NAME_NOT_CHECKED);
        } else if (name.matchedName() == null) {
            failures.add(ChainFailure.NAME_MISMATCH);
        } else if (name.viaCommonName()) {
            notes.add(ChainNote.COMMON_NAME_FALLBACK);
        }
        return ChainAnalysis.of(paths.paths(), failures, notes, name.matchedName(), chain.size(), ignored);
    }

    private static byte[] orEmpty(byte[] der) {
        return der != null ? der : new byte[0];
    }
}
