package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users' catalogue files merged over the shipped one: override, disable, add, and every kind of bad line. */
class UserCatalogueTest {
    private static final InterceptorCatalogue SHIPPED = InterceptorCatalogue.shipped();

    @Test
    void entryWithAShippedIdReplacesItWhole() throws CatalogueException {
        InterceptorCatalogue merged = SHIPPED.merge("site.catalogue", """
                [mitmproxy]
                name = Our red team's mitmproxy
                class = sanctioned
                issuer = CN=Red Team CA, O=Example Corp
                source = ticket SEC-1234
                """);

        InterceptorEntry entry = merged.entry("mitmproxy").orElseThrow();
        assertEquals(InterceptorClass.SANCTIONED, entry.interceptorClass());
        assertEquals(List.of("CN=Red Team CA, O=Example Corp"), entry.issuerPatterns());
        assertEquals("site.catalogue:1", entry.definedAt());
        assertEquals(SHIPPED.size(), merged.size());
        assertEquals(SHIPPED.entries().stream().map(InterceptorEntry::id).toList(),
                merged.entries().stream().map(InterceptorEntry::id).toList(), "replaced in place");
        CatalogueMatcher matcher = new CatalogueMatcher(merged);
        assertFalse(matcher.match(List.of(issuedBy("CN", "mitmproxy", "O", "mitmproxy"))).any());
        assertEquals("mitmproxy", matcher.match(List.of(issuedBy("O", "Example Corp", "CN", "Red Team CA")))
                .matches().get(0).entry().id());
        assertEquals(InterceptorClass.TESTING_TOOL, SHIPPED.entry("mitmproxy").orElseThrow().interceptorClass(),
                "the shipped catalogue is unchanged");
    }

    @Test
    void enabledFalseDropsAShippedEntry() throws CatalogueException {
        InterceptorCatalogue merged = SHIPPED.merge("site.catalogue", """
                # our firewall is a FortiGate: its CA is expected here
                [fortinet-fortigate]
                enabled = false
                """);

        assertTrue(merged.entry("fortinet-fortigate").isEmpty());
        assertEquals(SHIPPED.size() - 1, merged.size());
        assertFalse(new CatalogueMatcher(merged).match(List.of(issuedBy("O", "Fortinet", "CN", "FortiGate CA"))).any());
    }

    @Test
    void newEntryIsAddedAndDeclaresASanctionedEnterpriseCa(@TempDir Path dir) throws IOException, CatalogueException {
        Path file = dir.resolve("enterprise.catalogue");
        Files.writeString(file, """
                [example-corp-tls-inspection]
                name = Example Corp TLS inspection CA
                class = sanctioned
                issuer_dn = CN=Example Corp TLS Inspection CA, O=Example Corp
                spki_sha256 = AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89
                source = IT security policy 7.2
                """);

        InterceptorCatalogue merged = InterceptorCatalogue.load(List.of(file));

        InterceptorEntry entry = merged.entry("example-corp-tls-inspection").orElseThrow();
        assertEquals(List.of("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"), entry.spkiSha256());
        assertEquals(merged.entries().get(merged.size() - 1), entry, "added at the end");
        ChainMatches found = new CatalogueMatcher(merged).match(
                List.of(issuedBy("O", "Example Corp", "CN", "Example Corp TLS Inspection CA")));
        assertEquals(List.of("example-corp-tls-inspection"), found.matches().stream().map(m -> m.entry().id()).toList());
        assertEquals("CN=Example Corp TLS Inspection CA, O=Example Corp", found.matches().get(0).evidence().get(0).pattern());
    }

    @Test
    void laterFilesMergeOverEarlierOnes() throws CatalogueException {
        InterceptorCatalogue first = SHIPPED.merge("a.catalogue", """
                [lab-ca]
                name = Lab CA
                class = testing-tool
                issuer = CN=Lab CA
                source = lab wiki
                """);
        InterceptorCatalogue second = first.merge("b.catalogue", "[lab-ca]\nenabled = false\n");

        assertTrue(first.entry("lab-ca").isPresent());
        assertTrue(second.entry("lab-ca").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown class     | [x-ca]\\nname = X\\nclass = goverment\\nissuer = CN=X CA\\nsource = s | u.catalogue:3: unknown class 'goverment' (one of government, corporate, security-product, parental-control, malware, testing-tool, unknown, sanctioned)
            short hash        | [x-ca]\\nname = X\\nclass = corporate\\ncert_sha256 = abcd\\nsource = s | u.catalogue:4: bad cert_sha256 'abcd': want 64 hex digits (colons allowed)
            non-hex hash      | [x-ca]\\nname = X\\nclass = corporate\\nspki_sha256 = g000000000000000000000000000000000000000000000000000000000000000\\nsource = s | u.catalogue:4: bad spki_sha256 'g000000000000000000000000000000000000000000000000000000000000000': want 64 hex digits (colons allowed)
            unknown attribute | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA, emailAddress=a@b\\nsource = s | u.catalogue:4: bad issuer pattern 'CN=X CA, emailAddress=a@b': issuer patterns test CN, O, OU, C, L and ST, not EMAILADDRESS (use issuer_dn to give a whole name)
            glob too short    | [x-ca]\\nname = X\\nclass = corporate\\nissuer = O=Ab*\\nsource = s | u.catalogue:4: bad issuer pattern 'O=Ab*': O glob keeps fewer than 4 literal characters: it would match far too much
            country alone     | [x-ca]\\nname = X\\nclass = corporate\\nissuer = C=KZ\\nsource = s | u.catalogue:4: bad issuer pattern 'C=KZ': a name pattern must test CN, O or OU
            not a name        | [x-ca]\\nname = X\\nclass = corporate\\nissuer = FortiGate CA\\nsource = s | u.catalogue:4: bad issuer pattern 'FortiGate CA': not an RFC 4514 name (TYPE=value, comma-separated; escape , + \\ with \\)
            bad escape        | [x-ca]\\nname = X\\nclass = corporate\\nissuer_dn = CN=A\\qB\\nsource = s | u.catalogue:4: bad issuer_dn 'CN=A\\qB': not an RFC 4514 name (TYPE=value, comma-separated; escape , + \\ with \\)
            empty value       | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA, O=\\nsource = s | u.catalogue:4: bad issuer pattern 'CN=X CA, O=': empty value for O
            duplicate id      | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA\\nsource = s\\n[x-ca]\\nname = Y | u.catalogue:6: duplicate id 'x-ca' (first at line 1)
            bad id            | [X CA]\\nname = X | u.catalogue:1: bad id 'X CA': lowercase letters and digits in words joined by '-', at most 64 characters
            unknown key       | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA\\nsource = s\\ncomment = hi | u.catalogue:6: unknown key 'comment' (one of name, class, cert_sha256, spki_sha256, issuer, issuer_dn, source, enabled)
            key outside entry | name = X | u.catalogue:1: 'name' outside an entry: start one with [id]
            not a line        | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA\\nsource = s\\njust words | u.catalogue:6: expected [id], key = value, a # comment or a blank line
            name twice        | [x-ca]\\nname = X\\nname = Y\\nclass = corporate\\nissuer = CN=X CA\\nsource = s | u.catalogue:3: 'name' given twice in [x-ca] (first at line 2)
            missing source    | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA | u.catalogue:1: [x-ca] has no source: say where a reader can check it
            nothing to match  | [x-ca]\\nname = X\\nclass = corporate\\nsource = s | u.catalogue:1: [x-ca] has nothing to match: give cert_sha256, spki_sha256, issuer or issuer_dn
            missing class     | [x-ca]\\nname = X\\nissuer = CN=X CA\\nsource = s | u.catalogue:1: [x-ca] has no class
            empty field       | [x-ca]\\nname = X\\nclass = corporate\\nissuer = CN=X CA\\nsource = s\\nissuer_dn = | u.catalogue:6: empty value for 'issuer_dn'
            disable unknown   | [no-such-entry]\\nenabled = false | u.catalogue:2: nothing to disable: no entry 'no-such-entry' was defined before this file
            enabled maybe     | [mitmproxy]\\nenabled = maybe | u.catalogue:2: enabled is true or false, not 'maybe'
            """)
    void eachKindOfBadLineGivesItsOneLineError(String kind, String escapedText, String expected) {
        String text = escapedText.replace("\\n", "\n");

        CatalogueException e = assertThrows(CatalogueException.class, () -> SHIPPED.merge("u.catalogue", text));

        assertEquals(List.of(expected), e.problems().stream().map(CatalogueProblem::toString).toList());
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(0, e.getStackTrace().length, "a user error carries no stack trace");
    }

    @Test
    void everyProblemOfAFileIsReportedOnItsOwnLine() {
        CatalogueException e = assertThrows(CatalogueException.class, () -> SHIPPED.merge("u.catalogue", """
                [a-ca]
                name = A
                class = nope
                issuer = CN=A CA
                source = s
                [b-ca]
                name = B
                class = corporate
                cert_sha256 = 12
                source = s
                """));

        assertEquals("u.catalogue:3: unknown class 'nope' (one of government, corporate, security-product, "
                + "parental-control, malware, testing-tool, unknown, sanctioned)\n"
                + "u.catalogue:9: bad cert_sha256 '12': want 64 hex digits (colons allowed)", e.getMessage());
    }

    @Test
    void unreadableFilesAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.catalogue");
        Path binary = dir.resolve("binary.catalogue");
        Files.write(binary, new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});
        Path huge = dir.resolve("huge.catalogue");
        Files.write(huge, new byte[CatalogueLimits.MAX_FILE_BYTES + 1]);

        assertEquals(missing + ":0: no such file", message(missing));
        assertEquals(binary + ":0: not UTF-8 text", message(binary));
        assertEquals(huge + ":0: larger than " + CatalogueLimits.MAX_FILE_BYTES + " bytes", message(huge));
    }

    @Test
    void overlongLinesAndCrlfAreHandled() throws CatalogueException {
        String longLine = "source = " + "x".repeat(CatalogueLimits.MAX_LINE_CHARS);
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> SHIPPED.merge("u.catalogue", "[x-ca]\nname = X\n" + longLine + "\n"));
        assertEquals("u.catalogue:3: line longer than " + CatalogueLimits.MAX_LINE_CHARS + " characters",
                e.problems().get(0).toString());

        InterceptorCatalogue crlf = SHIPPED.merge("w.catalogue",
                "\uFEFF[x-ca]\r\nname = X\r\nclass = corporate\r\nissuer = CN=X CA\r\nsource = s\r\n");
        assertEquals(List.of("CN=X CA"), crlf.entry("x-ca").orElseThrow().issuerPatterns());
    }

    @Test
    void emptyUserFileChangesNothing() throws CatalogueException {
        InterceptorCatalogue merged = SHIPPED.merge("empty.catalogue", "# nothing here\n\n");

        assertEquals(SHIPPED.entries(), merged.entries());
        assertSame(SHIPPED, InterceptorCatalogue.shipped());
    }

    private static String message(Path file) {
        return assertThrows(CatalogueException.class, () -> SHIPPED.merge(file)).getMessage();
    }

    private static CertificateInfo issuedBy(String... issuer) {
        return TestCertificates.certificate(TestCertificates.name("CN", "intranet.example.com"), TestCertificates.name(issuer));
    }
}
