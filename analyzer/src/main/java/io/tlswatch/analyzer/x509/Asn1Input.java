package io.tlswatch.analyzer.x509;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Decodes nested DER (extension values, public keys) only after {@link DerStructure} has checked
 * its framing and depth, so Bouncy Castle's recursive decoder never sees an unbounded nesting.
 */
final class Asn1Input {
    private Asn1Input() {
    }

    /** The single ASN.1 element encoded in {@code der}, or null when it is not one. */
    static ASN1Primitive decode(byte[] der) {
        if (DerStructure.check(der, 0, der.length, CertificateLimits.MAX_DER_DEPTH) != null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }
}
