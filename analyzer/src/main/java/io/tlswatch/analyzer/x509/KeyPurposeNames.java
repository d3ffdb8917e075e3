package io.tlswatch.analyzer.x509;

import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Names for keyUsage bits (RFC 5280 section 4.2.1.3, as the ASN.1 module spells them) and for
 * extKeyUsage purposes (RFC 5280 section 4.2.1.12 and the few others TLS certificates carry).
 */
final class KeyPurposeNames {
    /** keyUsage bits in RFC order, with Bouncy Castle's mask for each. */
    static final List<Map.Entry<Integer, String>> KEY_USAGES = List.of(
            Map.entry(KeyUsage.digitalSignature, "digitalSignature"),
            Map.entry(KeyUsage.nonRepudiation, "contentCommitment"),
            Map.entry(KeyUsage.keyEncipherment, "keyEncipherment"),
            Map.entry(KeyUsage.dataEncipherment, "dataEncipherment"),
            Map.entry(KeyUsage.keyAgreement, "keyAgreement"),
            Map.entry(KeyUsage.keyCertSign, "keyCertSign"),
            Map.entry(KeyUsage.cRLSign, "cRLSign"),
            Map.entry(KeyUsage.encipherOnly, "encipherOnly"),
            Map.entry(KeyUsage.decipherOnly, "decipherOnly"));

    private static final Map<String, String> EXTENDED_KEY_USAGES = Map.ofEntries(
            Map.entry("2.5.29.37.0", "anyExtendedKeyUsage"),
            Map.entry("1.3.6.1.5.5.7.3.1", "serverAuth"),
            Map.entry("1.3.6.1.5.5.7.3.2", "clientAuth"),
            Map.entry("1.3.6.1.5.5.7.3.3", "codeSigning"),
            Map.entry("1.3.6.1.5.5.7.3.4", "emailProtection"),
            Map.entry("1.3.6.1.5.5.7.3.5", "ipsecEndSystem"),
            Map.entry("1.3.6.1.5.5.7.3.6", "ipsecTunnel"),
            Map.entry("1.3.6.1.5.5.7.3.7", "ipsecUser"),
            Map.entry("1.3.6.1.5.5.7.3.8", "timeStamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "OCSPSigning"),
            Map.entry("1.3.6.1.5.5.7.3.17", "ipsecIKE"),
            Map.entry("1.3.6.1.4.1.311.10.3.3", "msSGC"),
            Map.entry("2.16.840.1.113730.4.1", "nsSGC"));

    private KeyPurposeNames() {
    }

    /** The name of an extended key usage purpose, or its dotted OID. */
    static String extendedKeyUsage(String oid) {
        return EXTENDED_KEY_USAGES.getOrDefault(oid, oid);
    }
}
