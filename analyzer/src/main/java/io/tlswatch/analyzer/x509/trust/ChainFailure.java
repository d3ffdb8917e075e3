package io.tlswatch.analyzer.x509.trust;

import java.util.Locale;

/**
 * Why a server's chain is not one a browser would accept: each a named reason of a
 * {@link ChainVerdict}. The issuer-related reasons are kept apart on purpose: a chain that leads
 * to a root which is simply not (or no longer) in the store is not the same evidence as a leaf
 * whose issuer nobody knows.
 */
public enum ChainFailure {
    NO_CERTIFICATE("the server sent no certificate"),
    MALFORMED_LEAF("the server's own (first) certificate does not parse"),
    BAD_SIGNATURE("a signature on the path does not verify with its issuer's key: the issuer's name"
            + " may be copied by a forger"),
    UNSUPPORTED_SIGNATURE("a signature on the path could not be checked: an algorithm or key we do"
            + " not verify, or one beyond the verification limits"),
    UNKNOWN_ISSUER("the leaf's issuer is neither among the certificates sent nor in the trust store"),
    INCOMPLETE_CHAIN("the path climbs through certificates the server sent, then stops: the issuer of"
            + " the topmost one is found nowhere (a missing intermediate, or a root that left the store)"),
    SELF_SIGNED("the leaf is self-signed and not in the trust store"),
    UNTRUSTED_ROOT("the path ends at a self-signed root that the server sent and the trust store lacks"),
    EXPIRED("a certificate on the path had expired at capture time"),
    NOT_YET_VALID("a certificate on the path was not yet valid at capture time"),
    NOT_A_CA("an issuing certificate on the path is not a CA (RFC 5280 section 4.2.1.9)"),
    PATH_LENGTH_EXCEEDED("more intermediates below a CA than its pathLenConstraint allows"
            + " (RFC 5280 section 4.2.1.9)"),
    BAD_KEY_USAGE("keyUsage forbids the use: no keyCertSign on a CA, or no digitalSignature,"
            + " keyEncipherment or keyAgreement on the leaf (RFC 5280 section 4.2.1.3)"),
    BAD_EKU("extKeyUsage present without serverAuth (RFC 5280 section 4.2.1.12)"),
    UNKNOWN_CRITICAL_EXTENSION("a certificate on the path has a critical extension a client does not"
            + " know and must reject (RFC 5280 section 4.2)"),
    NAME_MISMATCH("the server name matches none of the leaf's names (RFC 6125 section 6.4)");

    private final String description;

    ChainFailure(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in documents, e.g. {@code untrusted_root}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
