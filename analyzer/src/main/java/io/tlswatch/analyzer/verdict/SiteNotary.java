package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.x509.CertificateInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the rest of the network showed for each server name: the leaves of publicly trusted chains
 * that matched the name, learnt from the sessions of this run in order (so a forgery is compared
 * with trusted sessions seen before it). Bounded: the least recently used names are forgotten,
 * and each name keeps a few leaves (sites rotate certificates and run several). One per analyzer
 * thread.
 */
final class SiteNotary {
    /** What is kept of a trusted leaf. */
    record TrustedLeaf(String sha256, String spkiSha256, String subject, String issuer, Set<String> names,
                       String serial, Instant notBefore, Instant notAfter) {
        static TrustedLeaf of(CertificateInfo c) {
            return new TrustedLeaf(c.sha256(), c.publicKey().spkiSha256(), c.subject().distinguishedName(),
                    c.issuer().distinguishedName(), new HashSet<>(c.alternativeNames()), c.serialNumber(),
                    c.notBefore(), c.notAfter());
        }
    }

    static final int LEAVES_PER_NAME = 4;

    private final Map<String, List<TrustedLeaf>> byName;
    private long forgotten;

    SiteNotary(int maxNames) {
        this.byName = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<TrustedLeaf>> eldest) {
                boolean full = size() > maxNames;
                if (full) {
                    forgotten++;
                }
                return full;
            }
        };
    }

    /** Remembers the leaf of a session whose chain is publicly trusted and valid for its name. */
    void learn(VerdictInput in) {
        if (in.serverName() == null || in.trust() == null || !in.trust().anchoredInStore()
                || in.trust().matchedName() == null || !in.leaf().isParsed()) {
            return;
        }
        List<TrustedLeaf> leaves = byName.computeIfAbsent(key(in.serverName()), k -> new ArrayList<>(2));
        String sha256 = in.leaf().sha256();
        if (leaves.stream().noneMatch(l -> l.sha256().equals(sha256))) {
            if (leaves.size() == LEAVES_PER_NAME) {
                leaves.remove(0);
            }
            leaves.add(TrustedLeaf.of(in.leaf()));
        }
    }

    /** The trusted leaves seen for this server name so far, oldest first (empty if none). */
    List<TrustedLeaf> trustedLeaves(String serverName) {
        if (serverName == null) {
            return List.of();
        }
        List<TrustedLeaf> leaves = byName.get(key(serverName));
        return leaves == null ? List.of() : leaves;
    }

    /** Server names forgotten to stay within the bound. */
    long forgotten() {
        return forgotten;
    }

    private static String key(String serverName) {
        return serverName.toLowerCase(Locale.ROOT);
    }
}
