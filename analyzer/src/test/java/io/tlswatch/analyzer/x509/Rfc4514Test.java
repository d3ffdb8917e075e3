package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** RFC 4514 section 4's examples, built as names in DER order (last RDN of the string first). */
class Rfc4514Test {

    @Test
    void plainNameIsWrittenLastRdnFirst() {
        X500Name name = derOrder(rdn(BCStyle.C, "GB"), rdn(BCStyle.O, "Isode Limited"), rdn(BCStyle.CN, "Steve Kille"));

        assertEquals("CN=Steve Kille,O=Isode Limited,C=GB", format(name));
    }

    @Test
    void multiValuedRdnUsesPlus() {
        RDN multi = new RDN(new AttributeTypeAndValue[] {
                new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("Sales")),
                new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("J.  Smith"))});
        X500Name name = derOrder(rdn(BCStyle.DC, "net"), rdn(BCStyle.DC, "example"), multi);

        assertEquals("OU=Sales+CN=J.  Smith,DC=example,DC=net", format(name));
    }

    @Test
    void quotesAndCommasAreEscaped() {
        X500Name name = derOrder(rdn(BCStyle.DC, "net"), rdn(BCStyle.DC, "example"),
                rdn(BCStyle.CN, "James \"Jim\" Smith, III"));

        assertEquals("CN=James \\\"Jim\\\" Smith\\, III,DC=example,DC=net", format(name));
    }

    @Test
    void controlCharacterIsHexEscaped() {
        X500Name name = derOrder(rdn(BCStyle.DC, "net"), rdn(BCStyle.DC, "example"), rdn(BCStyle.CN, "Before\rAfter"));

        // the RFC writes \0d; hex digits are case-insensitive and we write them upper case, as OpenSSL does
        assertEquals("CN=Before\\0DAfter,DC=example,DC=net", format(name));
    }

    @Test
    void unknownTypeIsAnOidAndANonStringValueIsHex() {
        X500Name name = derOrder(new RDN(new ASN1ObjectIdentifier("1.3.6.1.4.1.1466.0"),
                new DEROctetString(new byte[] {0x48, 0x69})));

        assertEquals("1.3.6.1.4.1.1466.0=#04024869", format(name));
    }

    @Test
    void nonAsciiIsKeptAsUnicode() {
        X500Name name = derOrder(rdn(BCStyle.CN, "Lučić"));

        assertEquals("CN=Lučić", format(name));
    }

    @Test
    void leadingHashOrSpaceAndTrailingSpaceAreEscaped() {
        assertEquals("CN=\\#x", format(derOrder(rdn(BCStyle.CN, "#x"))));
        assertEquals("CN=\\ x\\ ", format(derOrder(rdn(BCStyle.CN, " x "))));
        assertEquals("CN=a#b c", format(derOrder(rdn(BCStyle.CN, "a#b c"))));
    }

    @Test
    void openSslSpellingsForRegisteredTypes() {
        X500Name name = derOrder(
                new RDN(BCStyle.C, new DERPrintableString("DE")),
                rdn(BCStyle.POSTAL_CODE, "57250"),
                rdn(BCStyle.STREET, "Untere Industriestr. 20"),
                rdn(BCStyle.EmailAddress, "server-certs@1und1.de"));

        assertEquals("emailAddress=server-certs@1und1.de,street=Untere Industriestr. 20,postalCode=57250,C=DE",
                format(name));
    }

    private static String format(X500Name name) {
        return Rfc4514.format(name, new ParseNotes());
    }

    private static RDN rdn(ASN1ObjectIdentifier type, String value) {
        return new RDN(type, new DERUTF8String(value));
    }

    private static X500Name derOrder(RDN... rdns) {
        return new X500Name(rdns);
    }
}
