package io.tlswatch.analyzer.x509;

import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Distinguished names as RFC 4514 strings: RDNs last to first (section 2.1), multi-valued RDNs
 * joined by '+' (2.2), type names from {@link AttributeTypeNames} (2.3), values escaped as section
 * 2.4 requires. Non-ASCII characters are kept as they are (the string is UTF-8, not escaped);
 * control characters are escaped as {@code \XX} so the string stays printable.
 */
final class Rfc4514 {
    private static final String SPECIALS = "\"+,;<>\\";

    private Rfc4514() {
    }

    /** The RFC 4514 string of {@code name}, values and total bounded through {@code notes}. */
    static String format(X500Name name, ParseNotes notes) {
        StringBuilder out = new StringBuilder();
        RDN[] rdns = name.getRDNs();
        for (int i = rdns.length - 1; i >= 0; i--) {
            if (i != rdns.length - 1) {
                out.append(',');
            }
            AttributeTypeAndValue[] values = rdns[i].getTypesAndValues();
            for (int j = 0; j < values.length; j++) {
                if (j > 0) {
                    out.append('+');
                }
                appendAttribute(out, values[j], notes);
            }
            if (out.length() > CertificateLimits.MAX_DN_CHARS) {
                break;
            }
        }
        return notes.text(out.toString(), CertificateLimits.MAX_DN_CHARS);
    }

    private static void appendAttribute(StringBuilder out, AttributeTypeAndValue atv, ParseNotes notes) {
        out.append(AttributeTypeNames.of(atv.getType().getId())).append('=');
        String text = notes.text(AttributeText.of(atv.getValue(), notes));
        if (AttributeText.isString(atv.getValue())) {
            escapeValue(out, text);
        } else {
            out.append(text); // already the #hex form, which must not be escaped
        }
    }

    /** Appends {@code value} escaped per RFC 4514 section 2.4. */
    static void escapeValue(StringBuilder out, String value) {
        int last = value.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (SPECIALS.indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == last && c == ' ')) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
    }
}
