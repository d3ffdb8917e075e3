package io.tlswatch.analyzer.x509;

import io.tlswatch.analyzer.net.IpAddressText;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * A GeneralName (RFC 5280 section 4.2.1.6) as one string for {@code x509.alternative_names}: DNS
 * names and IP addresses as themselves, every other type as "type:value".
 */
final class GeneralNameText {
    private GeneralNameText() {
    }

    /** The text of {@code name}, bounded through {@code notes}. */
    static String format(GeneralName name, ParseNotes notes) {
        ASN1Encodable value = name.getName();
        String text = switch (name.getTagNo()) {
            case GeneralName.dNSName -> AttributeText.of(value, notes);
            case GeneralName.iPAddress -> ipAddress(value);
            case GeneralName.rfc822Name -> "email:" + AttributeText.of(value, notes);
            case GeneralName.uniformResourceIdentifier -> "uri:" + AttributeText.of(value, notes);
            case GeneralName.directoryName -> "dirname:" + Rfc4514.format(X500Name.getInstance(value), notes);
            case GeneralName.registeredID -> "rid:" + value;
            case GeneralName.otherName -> otherName(OtherName.getInstance(value), notes);
            case GeneralName.x400Address -> "x400:" + AttributeText.of(value, notes);
            case GeneralName.ediPartyName -> "edipartyname:" + AttributeText.of(value, notes);
            default -> "unknown:" + AttributeText.of(value, notes);
        };
        return notes.text(text);
    }

    private static String ipAddress(ASN1Encodable value) {
        byte[] octets = ASN1OctetString.getInstance(value).getOctets();
        String text = IpAddressText.format(octets);
        return text != null ? text : "ip:#" + HexFormat.of().formatHex(octets);
    }

    private static String otherName(OtherName other, ParseNotes notes) {
        ASN1Encodable value = other.getValue();
        if (value instanceof ASN1TaggedObject tagged) {
            value = tagged.getBaseObject();
        }
        return "othername:" + other.getTypeID().getId() + ":" + AttributeText.of(value, notes);
    }
}
