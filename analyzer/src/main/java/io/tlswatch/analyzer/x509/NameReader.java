package io.tlswatch.analyzer.x509;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** Turns a certificate's subject or issuer into the {@link DistinguishedName} ECS wants. */
final class NameReader {
    private NameReader() {
    }

    static DistinguishedName read(X500Name name, ParseNotes notes) {
        List<String> cn = new ArrayList<>();
        List<String> o = new ArrayList<>();
        List<String> ou = new ArrayList<>();
        List<String> c = new ArrayList<>();
        List<String> l = new ArrayList<>();
        List<String> st = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                List<String> target = switch (atv.getType().getId()) {
                    case AttributeTypeNames.COMMON_NAME -> cn;
                    case AttributeTypeNames.ORGANIZATION -> o;
                    case AttributeTypeNames.ORGANIZATIONAL_UNIT -> ou;
                    case AttributeTypeNames.COUNTRY -> c;
                    case AttributeTypeNames.LOCALITY -> l;
                    case AttributeTypeNames.STATE_OR_PROVINCE -> st;
                    default -> null;
                };
                if (target != null) {
                    notes.add(target, notes.text(AttributeText.of(atv.getValue(), notes)),
                            CertificateLimits.MAX_VALUES_PER_ATTRIBUTE);
                }
            }
        }
        return new DistinguishedName(Rfc4514.format(name, notes), cn, o, ou, c, l, st);
    }
}
