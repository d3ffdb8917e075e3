package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pattern language: RFC 4514 reading, anchored case-insensitive globs, whole-name keys. */
class NamePatternTest {

    @Test
    void readsOurOwnRfc4514OutputAndOpensslStyle() {
        assertEquals(List.of(attr("CN", "Superfish, Inc."), attr("C", "US"), attr("O", "Superfish, Inc.")),
                DnText.parse("CN=Superfish\\, Inc.,C=US,O=Superfish\\, Inc.", false));
        assertEquals(List.of(attr("C", "KZ"), attr("CN", "Qaznet Trust Network")),
                DnText.parse("C = KZ, CN = Qaznet Trust Network", false));
        assertEquals(List.of(attr("CN", "a"), attr("OU", "b")), DnText.parse("cn=a+ou=b", false), "multi-valued RDN");
        assertEquals(List.of(attr("ST", "Almaty"), attr("EMAILADDRESS", "x@y"), attr("CN", "z")),
                DnText.parse("S=Almaty, E=x@y, 2.5.4.3=z", false), "aliases and OIDs");
    }

    @Test
    void unescapesHexUtf8AndKeepsEscapedSpaces() {
        assertEquals(List.of(attr("CN", "Қазақстан")),
                DnText.parse("CN=\\D2\\9A\\D0\\B0\\D0\\B7\\D0\\B0\\D2\\9B\\D1\\81\\D1\\82\\D0\\B0\\D0\\BD", false));
        assertEquals(List.of(attr("CN", "a\u0001b")), DnText.parse("CN=a\\01b", false), "our parser's control escape");
        assertEquals(List.of(attr("CN", " padded ")), DnText.parse("CN=\\ padded\\ ", false));
        assertEquals(List.of(attr("CN", "trailing")), DnText.parse("CN=trailing   ", false));
        assertEquals(List.of(attr("CN", "#04024869")), DnText.parse("CN=#04024869", false), "#hex kept as written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "CN", "=x", "CN=a,", "CN=a\\", "CN=a\\q", "CN=\\C3\\28", "C N=x", "CN=a,,O=b"})
    void rejectsWhatIsNotAName(String text) {
        assertNull(DnText.parse(text, false), text);
    }

    @Test
    void globIsAnchoredCaseInsensitiveAndStarsMatchAnyRun() {
        Glob glob = Glob.of(DnText.parse("CN=Sophos SSL CA_*", true).get(0).value());

        assertTrue(glob.matches(Glob.fold("Sophos SSL CA_C123-456")));
        assertTrue(glob.matches(Glob.fold("SOPHOS SSL CA_")));
        assertFalse(glob.matches(Glob.fold("My Sophos SSL CA_1")), "anchored at the start");
        Glob middle = Glob.of(DnText.parse("CN=Charles*CA*(*)", true).get(0).value());
        assertTrue(middle.matches(Glob.fold("Charles Proxy CA (18 Sep 2024, L)")));
        assertFalse(middle.matches(Glob.fold("Charles Proxy CA (18 Sep 2024")), "anchored at the end");
        assertFalse(middle.matches(Glob.fold("Charles(CA)")), "parts do not overlap");
        Glob literalStar = Glob.of(DnText.parse("CN=Star\\* CA", true).get(0).value());
        assertTrue(literalStar.exact());
        assertTrue(literalStar.matches(Glob.fold("star* ca")));
        assertFalse(literalStar.matches(Glob.fold("starry ca")));
    }

    @Test
    void hostileValuesCostTheirLengthNotMore() {
        Glob glob = Glob.of(DnText.parse("CN=a*a*a*a*a*a*a*a*a*a*b", true).get(0).value());
        String value = "a".repeat(4096);
        String name = "CN=" + "\\,".repeat(2000) + "x".repeat(2000);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 1000; i++) {
                assertFalse(glob.matches(value));
            }
            assertEquals(4000, DnText.parse(name, false).get(0).value().length());
        });
    }

    @Test
    void wholeNameKeyIgnoresOrderCaseAndSpacing() {
        String fromCatalogue = NamePattern.wholeNameKey("CN=Security Certificate, C=KZ");

        assertEquals(fromCatalogue, DnKey.of(DnText.parse("C=kz,CN=SECURITY CERTIFICATE", false)));
        assertFalse(fromCatalogue.equals(DnKey.of(DnText.parse("C=KZ,O=Bank,CN=Security Certificate", false))));
    }

    @Test
    void attributePatternNeedsEveryAttributeButIgnoresOthers() {
        NamePattern pattern = NamePattern.compile("CN=FortiGate CA, O=Fortinet");

        assertTrue(pattern.matches(folded("C", "US", "O", "Fortinet", "OU", "Certificate Authority", "CN", "FortiGate CA")));
        assertFalse(pattern.matches(folded("C", "US", "CN", "FortiGate CA")));
        assertFalse(pattern.matches(folded("O", "Fortinet", "CN", "FortiGate CA 2")));
    }

    private static FoldedName folded(String... pairs) {
        return FoldedName.of(TestCertificates.certificate(TestCertificates.name(pairs), TestCertificates.name("CN", "x")).subject());
    }

    private static DnText.Attribute attr(String type, String value) {
        return new DnText.Attribute(type, value);
    }
}
