package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static io.tlswatch.analyzer.testpki.TestPki.chain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.testkit.Hex;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/**
 * The server name against the leaf: RFC 6125 section 6.4 (DNS names, wildcards, IDN A-labels),
 * iPAddress names (RFC 5280 section 4.2.1.6) and the flagged common-name fallback.
 */
class ServerNameTest {
    private final ChainValidator validator = new ChainValidator(ChainValidatorTest.STORE);

    private ChainVerdict validate(Issued leaf, String serverName) {
        return validator.validate(chain(leaf, ChainValidatorTest.RSA_CA), serverName, CAPTURE);
    }

    private static boolean matches(String presented, String serverName) {
        return HostnameMatcher.matches(presented, HostnameMatcher.reference(serverName));
    }

    @Test
    void wildcardMatchesExactlyOneLeftMostLabel() {
        // RFC 6125 section 6.4.3's own examples
        assertTrue(matches("*.example.com", "foo.example.com"));
        assertFalse(matches("*.example.com", "bar.foo.example.com"));
        assertFalse(matches("*.example.com", "example.com"));
    }

    @Test
    void partialLabelAndMisplacedWildcardsMatchNothing() {
        assertFalse(matches("f*o.example.com", "foo.example.com"), "partial-label wildcard, refused as browsers do");
        assertFalse(matches("*oo.example.com", "foo.example.com"));
        assertFalse(matches("foo*.example.com", "foo1.example.com"));
        assertFalse(matches("www.*.example.com", "www.a.example.com"), "wildcard only in the left-most label");
        assertFalse(matches("*.*.example.com", "a.b.example.com"));
        assertFalse(matches("*.com", "example.com"), "at least two labels after the wildcard");
        assertFalse(matches("*", "localhost"));
        assertFalse(matches("*.", "com"));
    }

    @Test
    void namesCompareCaseInsensitivelyAndIgnoreOneTrailingDot() {
        assertTrue(matches("www.example.com", "WWW.Example.COM"));
        assertTrue(matches("WWW.EXAMPLE.COM.", "www.example.com"));
        assertTrue(matches("*.Example.com", "MAIL.example.COM."));
        assertFalse(matches("www.example.com", "www.example.co"));
        assertFalse(matches("www.example.com", "ww.example.com"));
    }

    @Test
    void internationalisedNamesCompareAsALabels() {
        // "bücher" is xn--bcher-kva (RFC 3492 section 7.1 style example, as used in IDNA documents)
        assertEquals("xn--bcher-kva.example", HostnameMatcher.reference("bücher.example"));
        assertTrue(matches("xn--bcher-kva.example", "XN--BCHER-KVA.example"));
        assertTrue(matches("xn--bcher-kva.example", "Bücher.example"), "a U-label server name is converted first");
        assertTrue(matches("*.xn--bcher-kva.example", "www.bücher.example"));
        assertFalse(matches("bücher.example", "bücher.example"), "a presented name must already be A-labels");
    }

    @Test
    void serverNamesThatAreNoHostNamesMatchNothing() {
        assertNull(HostnameMatcher.reference("a..example.com"));
        assertNull(HostnameMatcher.reference(".example.com"));
        assertNull(HostnameMatcher.reference("*.example.com"));
        assertNull(HostnameMatcher.reference("exa mple.com"));
        assertNull(HostnameMatcher.reference("a".repeat(254)));
        assertEquals("a".repeat(63) + ".example", HostnameMatcher.reference("A".repeat(63) + ".example."));
        assertFalse(HostnameMatcher.matches("a".repeat(300), "a".repeat(60)));
    }

    @Test
    void ipLiteralsParseWithoutTheResolver() {
        assertArrayEquals(Hex.bytes("c0 00 02 01"), IpLiteral.parse("192.0.2.1"));
        assertArrayEquals(Hex.bytes("20010db8 00000000 00000000 00000001"), IpLiteral.parse("2001:db8::1"));
        assertArrayEquals(Hex.bytes("20010db8 00000000 00000000 00000001"), IpLiteral.parse("2001:DB8:0:0:0:0:0:1"));
        assertArrayEquals(Hex.bytes("00000000 00000000 00000000 00000001"), IpLiteral.parse("::1"));
        assertArrayEquals(Hex.bytes("00000000 00000000 0000ffff c0000201"), IpLiteral.parse("::ffff:192.0.2.1"));
        assertArrayEquals(Hex.bytes("00010002 00030004 00050006 00070008"), IpLiteral.parse("1:2:3:4:5:6:7:8"));
        assertArrayEquals(new byte[16], IpLiteral.parse("::"));
        for (String notAnAddress : new String[] {"256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1..2.3", "",
                "1:2:3:4:5:6:7:8:9", "1::2::3", "[::1]", "fe80::1%eth0", ":::", "12345::", "::1.2.3", "1:2:3:4:5:6:7::8",
                "example.com", "1.2.3.-4", "g::1"}) {
            assertNull(IpLiteral.parse(notAnAddress), notAnAddress);
        }
    }

    @Test
    void ipServerNameMatchesOnlyAnIpAddressNameOfTheSameBytes() {
        Issued leaf = TestPki.certificate("CN=device").issuedBy(ChainValidatorTest.RSA_CA).serverLeaf()
                .alternativeNames(new GeneralName(GeneralName.iPAddress, "192.0.2.10"),
                        new GeneralName(GeneralName.iPAddress, "2001:db8::10"),
                        new GeneralName(GeneralName.dNSName, "198.51.100.7")).build();

        ChainVerdict v4 = validate(leaf, "192.0.2.10");
        ChainVerdict v6 = validate(leaf, "2001:DB8:0:0:0:0:0:10");

        assertTrue(v4.trusted(), v4.toString());
        assertEquals("192.0.2.10", v4.matchedName());
        assertTrue(v6.trusted(), v6.toString());
        assertEquals("2001:db8::10", v6.matchedName(), "the presented address, in RFC 5952 form");
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate(leaf, "198.51.100.7").failures(),
                "an address written in a DNS name is no iPAddress name");
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate(leaf, "192.0.2.11").failures());
    }

    @Test
    void wildcardLeafReportsThePresentedNameThatMatched() {
        Issued leaf = TestPki.leaf(ChainValidatorTest.RSA_CA, "*.example.net", "example.net");

        ChainVerdict verdict = validate(leaf, "api.example.net");

        assertTrue(verdict.trusted());
        assertEquals("*.example.net", verdict.matchedName());
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate(leaf, "a.api.example.net").failures());
        assertEquals("example.net", validate(leaf, "example.net").matchedName());
    }

    @Test
    void commonNameCountsOnlyWithoutDnsOrIpNamesAndIsFlagged() {
        Issued noSan = TestPki.certificate("CN=legacy.example.com,O=Example").issuedBy(ChainValidatorTest.RSA_CA)
                .serverLeaf().build();
        Issued emailOnly = TestPki.certificate("CN=mail.example.com").issuedBy(ChainValidatorTest.RSA_CA).serverLeaf()
                .alternativeNames(new GeneralName(GeneralName.rfc822Name, "admin@example.com")).build();
        Issued withSan = TestPki.certificate("CN=cn.example.com").issuedBy(ChainValidatorTest.RSA_CA).serverLeaf()
                .dns("san.example.com").build();

        ChainVerdict legacy = validate(noSan, "legacy.example.com");

        assertTrue(legacy.trusted(), legacy.toString());
        assertEquals("legacy.example.com", legacy.matchedName());
        assertEquals(Set.of(ChainNote.COMMON_NAME_FALLBACK), legacy.notes());
        assertEquals("mail.example.com", validate(emailOnly, "mail.example.com").matchedName(), "no DNS or IP name");
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate(withSan, "cn.example.com").failures(),
                "RFC 6125 section 6.4.4: a CN is never consulted when DNS names are present");
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate(noSan, "192.0.2.1").failures(), "no CN for IP names");
    }

    @Test
    void noServerNameMeansTheNameIsNotChecked() {
        Issued leaf = TestPki.certificate("CN=x").issuedBy(ChainValidatorTest.RSA_CA).serverLeaf()
                .without(Extension.subjectAlternativeName).build();

        ChainVerdict verdict = validate(leaf, null);

        assertTrue(verdict.trusted());
        assertNull(verdict.matchedName());
        assertEquals(Set.of(ChainNote.NAME_NOT_CHECKED), verdict.notes());
        assertEquals(Set.of(ChainNote.NAME_NOT_CHECKED), validate(leaf, "").notes());
    }
}
