package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Compares a session whose chain is not publicly trusted with what the rest of the run showed for
 * the same server name ({@link SiteNotary}) with a leaf valid at the time of this session:
 * <ul>
 * <li>{@code notary-disagreement} (suspicious): the name was served elsewhere with a publicly
 * trusted chain, and this leaf has another key and another issuer (or the same issuer's name on a
 * copied serial, below).</li>
 * <li>{@code forged-copy} (decisive): moreover, this leaf copies that trusted leaf's subject and
 * alternative names, and bears an on-the-fly forger's tell-tale edits: validity moved by whole
 * hours, or the serial number kept, whole or but for its last four bytes (what the Kazakh forger did in
 * 2019: shared/interceptors/README.md; sslsplit does the same). Legitimate re-issues get new serials and fresh validity.</li>
 * </ul>
 * A leaf from the trusted leaf's own issuer (by name) is that CA's re-issue, missing its intermediate,
 * and no evidence; unless it bears the trusted leaf's serial with another key: a CA never issues two
 * certificates with one serial, so that is a forger who copied the issuer's name too.
 */
final class NotaryRule implements Rule {
    static final String DISAGREEMENT = "notary-disagreement";
    static final String FORGED_COPY = "forged-copy";
    private static final int SERIAL_TAIL_HEX = 8;

    private final SiteNotary notary;

    NotaryRule(SiteNotary notary) {
        this.notary = notary;
    }

    @Override
    public String id() {
        return DISAGREEMENT;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        if (!in.chainSeen() || in.trust() == null || in.trust().anchoredInStore() || !in.leaf().isParsed()) {
            return;
        }
        CertificateInfo leaf = in.leaf();
        String issuer = leaf.issuer().distinguishedName();
        for (SiteNotary.TrustedLeaf trusted : notary.trustedLeaves(in.serverName())) {
            boolean serialReused = serialReused(trusted.serial(), leaf.serialNumber());
            boolean sameIssuer = trusted.issuer().equals(issuer);
            if (trusted.spkiSha256().equals(leaf.publicKey().spkiSha256())
                    || sameIssuer && !serialReused
                    || !validAt(trusted, in.captureTime())) {
                continue;   // the same site's key or CA (with a serial of its own), or a certificate of another era
            }
            boolean namesCopied = trusted.subject().equals(leaf.subject().distinguishedName())
                    && trusted.names().equals(new HashSet<>(leaf.alternativeNames()));
            long shiftSeconds = trusted.notBefore() != null && leaf.notBefore() != null
                    ? Duration.between(trusted.notBefore(), leaf.notBefore()).getSeconds() : 0;
            boolean wholeHourShift = shiftSeconds != 0 && shiftSeconds % 3600 == 0;
            boolean serialPrefixKept = serialReused || serialNearlyKept(trusted.serial(), leaf.serialNumber());
            Evidence.Facts facts = Evidence.of()
                    .put("trusted_leaf_sha256", trusted.sha256())
                    .put("trusted_issuer", trusted.issuer())
                    .put("this_issuer", issuer);
            if (namesCopied && (wholeHourShift || serialPrefixKept)) {
                out.add(facts.put("names_copied", true)
                        .put("validity_shift_hours", wholeHourShift ? shiftSeconds / 3600 : null)
                        .put("serial_prefix_kept", serialPrefixKept)
                        .put("serial_reused", serialReused ? true : null)
                        .as(FORGED_COPY, Strength.DECISIVE, new Interceptor(InterceptorClass.UNKNOWN,
                                sameIssuer ? "forger using the name of " + issuer : issuer, null)));
            } else {
                out.add(facts.put("names_copied", namesCopied)
                        .as(DISAGREEMENT, Strength.SUSPICIOUS, null));
            }
            return;
        }
    }

    /** Whether the trusted leaf was valid when this session happened: only then do the two compete. */
    private static boolean validAt(SiteNotary.TrustedLeaf trusted, Instant at) {
        return trusted.notBefore() != null && trusted.notAfter() != null
                && !at.isBefore(trusted.notBefore()) && !at.isAfter(trusted.notAfter());
    }

    /**
     * The serial is the trusted leaf's own, long enough (more than four bytes) to be no chance
     * collision. A CA gives each certificate a serial of its own (RFC 5280 section 4.1.2.2), so
     * another leaf with the same serial, even under the same issuer's name, was not made by that CA.
     */
    static boolean serialReused(String trusted, String forged) {
        return trusted != null && trusted.length() > SERIAL_TAIL_HEX && trusted.equals(forged);
    }

    /**
     * The forged serial is the trusted one with its last four bytes changed: they differ, by less
     * than 2^32 (a forger that adds a 32-bit value may carry into the fifth byte).
     */
    static boolean serialNearlyKept(String trusted, String forged) {
        if (trusted == null || forged == null || trusted.length() <= SERIAL_TAIL_HEX
                || Math.abs(trusted.length() - forged.length()) > 2 || trusted.equals(forged)) {
            return false;
        }
        try {
            BigInteger difference = new BigInteger(trusted, 16).subtract(new BigInteger(forged, 16)).abs();
            return difference.bitLength() <= Integer.SIZE;
        } catch (NumberFormatException notHex) {
            return false;
        }
    }
}
