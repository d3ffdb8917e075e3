package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** Subject and issuer names: string types, hostile bytes, escaping and bounds. */
class CertificateNameDecodingTest {

    @Test
    void subjectWithoutCommonNameHasNoCommonNames() {
        X500Name onlyOrganization = new X500NameBuilder().addRDN(BCStyle.O, "TestCorp").build();

        CertificateInfo info = parseWithSubject(onlyOrganization);

        assertEquals(List.of(), info.subject().commonNames());
        assertEquals(List.of("TestCorp"), info.subject().organizations());
        assertEquals("O=TestCorp", info.subject().distinguishedName());
    }

    @Test
    void bmpT61AndUniversalStringsAreDecoded() {
        X500Name name = new X500NameBuilder()
                .addRDN(BCStyle.CN, new DERBMPString("Қазақстан"))
                .addRDN(BCStyle.O, raw("14 03 e9 41 42"))              // T61String: byte 0xE9 read as é
                .addRDN(BCStyle.OU, raw("1c 08 00000041 0001f600"))     // UniversalString (UTF-32BE): "A😀"
                .build();

        CertificateInfo info = parseWithSubject(name);

        assertEquals(List.of("Қазақстан"), info.subject().commonNames());
        assertEquals(List.of("éAB"), info.subject().organizations());
        assertEquals(List.of("A\uD83D\uDE00"), info.subject().organizationalUnits());
        assertFalse(info.anomalies().contains(CertificateAnomaly.INVALID_STRING_ENCODING));
    }

    @Test
    void invalidUtf8IsReplacedAndFlagged() {
        X500Name name = new X500NameBuilder().addRDN(BCStyle.CN, raw("0c 04 ff fe 41 c3")).build();

        CertificateInfo info = parseWithSubject(name);

        assertTrue(info.isParsed());
        assertEquals(List.of("\uFFFD\uFFFDA\uFFFD"), info.subject().commonNames());
        assertTrue(info.anomalies().contains(CertificateAnomaly.INVALID_STRING_ENCODING));
    }

    @Test
    void loneSurrogateInBmpStringIsReplacedAndFlagged() {
        X500Name name = new X500NameBuilder().addRDN(BCStyle.CN, raw("1e 04 d800 0041")).build();

        CertificateInfo info = parseWithSubject(name);

        assertEquals(List.of("\uFFFDA"), info.subject().commonNames());
        assertTrue(info.anomalies().contains(CertificateAnomaly.INVALID_STRING_ENCODING));
    }

    @Test
    void nulAndRfc4514SpecialsAreEscapedInTheDistinguishedNameButKeptInValues() {
        X500Name name = new X500NameBuilder()
                .addRDN(BCStyle.O, new DERUTF8String("Microsoft Corporat\u0000on"))
                .addRDN(BCStyle.CN, new DERUTF8String("#a, \"b\"+c;<d>\\ "))
                .build();

        CertificateInfo info = parseWithSubject(name);

        assertEquals(List.of("Microsoft Corporat\u0000on"), info.subject().organizations());
        assertEquals(List.of("#a, \"b\"+c;<d>\\ "), info.subject().commonNames());
        assertEquals("CN=\\#a\\, \\\"b\\\"\\+c\\;\\<d\\>\\\\\\ ,O=Microsoft Corporat\\00on",
                info.subject().distinguishedName());
    }

    @Test
    void multiValuedRdnIsJoinedWithPlus() {
        RDN multi = new RDN(new AttributeTypeAndValue[] {
                new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("Sales")),
                new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("J. Smith"))});
        X500Name name = new X500Name(new RDN[] {
                new RDN(BCStyle.DC, new DERUTF8String("net")),
                new RDN(BCStyle.DC, new DERUTF8String("example")), multi});

        CertificateInfo info = parseWithSubject(name);

        // RFC 4514 section 4's example, modulo the order of the SET members (DER sorts them)
        assertTrue(info.subject().distinguishedName().matches(
                "(OU=Sales\\+CN=J\\. Smith|CN=J\\. Smith\\+OU=Sales),DC=example,DC=net"),
                info.subject().distinguishedName());
        assertEquals(List.of("J. Smith"), info.subject().commonNames());
        assertEquals(List.of("Sales"), info.subject().organizationalUnits());
    }

    @Test
    void attributeTypesWithoutShortNameAreWrittenAsOidsAndNonStringsAsHex() {
        X500Name name = new X500Name(new RDN[] {
                new RDN(BCStyle.CN, new DERPrintableString("host")),
                new RDN(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.1466.0"), raw("04 02 48 69"))});

        CertificateInfo info = parseWithSubject(name);

        assertEquals("1.3.6.1.4.1.1466.0=#04024869,CN=host", info.subject().distinguishedName());
    }

    @Test
    void longValuesAreCutAndManyValuesAreCappedWithFlags() {
        String huge = "x".repeat(5000);
        X500NameBuilder builder = new X500NameBuilder().addRDN(BCStyle.CN, new DERUTF8String(huge));
        for (int i = 0; i < 40; i++) {
            builder.addRDN(BCStyle.OU, new DERUTF8String("unit " + i));
        }

        CertificateInfo info = parseWithSubject(builder.build());

        assertEquals(List.of("x".repeat(CertificateLimits.MAX_TEXT_CHARS)), info.subject().commonNames());
        assertEquals(CertificateLimits.MAX_VALUES_PER_ATTRIBUTE, info.subject().organizationalUnits().size());
        assertEquals("unit 0", info.subject().organizationalUnits().get(0));
        assertTrue(info.subject().distinguishedName().length() <= CertificateLimits.MAX_DN_CHARS);
        assertTrue(info.anomalies().containsAll(List.of(CertificateAnomaly.TEXT_TRUNCATED, CertificateAnomaly.LIST_TRUNCATED)));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String value = "a" + String.join("", Collections.nCopies(CertificateLimits.MAX_TEXT_CHARS, emoji));

        CertificateInfo info = parseWithSubject(new X500NameBuilder().addRDN(BCStyle.CN, new DERUTF8String(value)).build());

        String kept = info.subject().commonNames().get(0);
        assertEquals(CertificateLimits.MAX_TEXT_CHARS - 1, kept.length());
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)));
    }

    private static CertificateInfo parseWithSubject(X500Name subject) {
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.rsa().subject(subject).der());
        assertTrue(info.isParsed(), () -> info.parseError() + " " + info.parseErrorDetail());
        return info;
    }

    /** An ASN.1 value from its raw encoding, so tests can put bytes no string constructor would. */
    private static ASN1Encodable raw(String hex) {
        try {
            return ASN1Primitive.fromByteArray(Hex.bytes(hex));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
