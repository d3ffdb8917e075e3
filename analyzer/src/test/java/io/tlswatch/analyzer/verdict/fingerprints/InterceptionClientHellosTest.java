package io.tlswatch.analyzer.verdict.fingerprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsParse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped table and the matcher, with ClientHellos copied from mitmengine's captures (see
 * hellos/README.md): no corpus needed.
 */
class InterceptionClientHellosTest {
    private static final InterceptionClientHellos SHIPPED = InterceptionClientHellos.shipped();

    @TempDir
    Path dir;

    @Test
    void shippedTableLoadsWithEveryRowSourcedAndSeenInACapture() {
        assertTrue(SHIPPED.size() >= 20, "rows: " + SHIPPED.size());
        for (InterceptionClientHello row : SHIPPED.entries()) {
            assertEquals(InterceptionHelloTableFormat.MITMENGINE_SOURCE, row.source(), row.toString());
            assertFalse(row.captures().isEmpty(), row.toString());
            assertTrue(row.ja4() != null && row.ja3() != null, "both fingerprints: " + row);
            assertTrue(InterceptionHelloTableFormat.CLASSES.contains(row.interceptorClass()), row.toString());
        }
    }

    @Test
    void shippedSharedWithColumnSaysWhatTheLoaderWorksOut() throws IOException {
        InterceptionHelloTableText.Parsed asWritten = InterceptionHelloTableText.parse("shipped", shippedText());
        assertTrue(asWritten.problems().isEmpty(), asWritten.problems().toString());
        assertEquals(asWritten.rows(), SHIPPED.entries());
        assertTrue(SHIPPED.entries().stream().anyMatch(InterceptionClientHello::shared), "some fingerprints are shared");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "kaspersky-internet-security-2016, Kaspersky Internet Security 2016, security-product",
        "fortinet-fortigate, Fortinet FortiGate, corporate",
        "juniper-vsrx-strong, Juniper vSRX, corporate",
        "kindergate-3.2, KinderGate Parental Control 3.2, parental-control"})
    void productsOwnHelloMatchesItOnBothFingerprints(String vector, String product, String interceptorClass) {
        List<InterceptionMatch> matches = SHIPPED.match(ProductHellos.hello(vector));
        assertEquals(1, matches.size(), matches.toString());
        assertEquals(product, matches.get(0).product());
        assertEquals(interceptorClass, matches.get(0).interceptorClass());
        assertEquals(Set.of(FingerprintKind.JA4, FingerprintKind.JA3), matches.get(0).matchedBy());
        assertFalse(matches.get(0).entry().shared());
    }

    @Test
    void helloTwoProductsSendNamesBothAndSaysItIsShared() {
        List<InterceptionMatch> matches = SHIPPED.match(ProductHellos.hello("staffcop"));
        Map<String, InterceptionMatch> byProduct = matches.stream()
                .collect(Collectors.toMap(InterceptionMatch::product, Function.identity()));
        assertEquals(Set.of("StaffCop", "Keep My Family Secure"), byProduct.keySet());
        assertEquals(List.of("Keep My Family Secure"), byProduct.get("StaffCop").entry().sharedWith());
        assertEquals("StaffCop | Keep My Family Secure", byProduct.get("StaffCop").entry().label());
        assertEquals("corporate", byProduct.get("StaffCop").interceptorClass());
        assertEquals("parental-control", byProduct.get("Keep My Family Secure").interceptorClass());
    }

    @Test
    void browsersOwnHelloMatchesNothing() {
        assertEquals(List.of(), SHIPPED.match(ProductHellos.hello("firefox-42-os-x")));
    }

    @Test
    void oneCipherSuiteChangedIsAnotherHelloThatMatchesNothing() {
        byte[] message = ProductHellos.message("kaspersky-internet-security-2016");
        // The body starts with version (2), random (32), session id length (1, here 0), cipher
        // suites length (2): its first suite, c02b, becomes c02c.
        int firstSuite = ProductHellos.HANDSHAKE_HEADER + 2 + 32 + 1 + 2;
        assertEquals((byte) 0x2b, message[firstSuite + 1]);
        message[firstSuite + 1] = 0x2c;
        ClientHello broken = ProductHellos.parse(message);
        ClientHello original = ProductHellos.hello("kaspersky-internet-security-2016");
        assertNotEquals(Ja4.of(original, Ja4Transport.TCP).ja4(), Ja4.of(broken, Ja4Transport.TCP).ja4());
        assertEquals(List.of(), SHIPPED.match(broken));
    }

    @Test
    void helloCutShortIsNoHelloToMatch() {
        byte[] message = ProductHellos.message("fortinet-fortigate");
        int cut = message.length - 3;
        TlsParse<ClientHello> parsed = ClientHello.parse(message, ProductHellos.HANDSHAKE_HEADER,
                cut - ProductHellos.HANDSHAKE_HEADER);
        assertFalse(parsed.isParsed(), "a hello cut inside its last extension does not parse");
    }

    @Test
    void eitherFingerprintAloneMatchesAndSaysWhich() {
        ClientHello hello = ProductHellos.hello("fortinet-fortigate");
        String ja4 = Ja4.of(hello, Ja4Transport.TCP).ja4();
        String ja3 = Ja3.of(hello).orElseThrow().md5();
        assertEquals(Set.of(FingerprintKind.JA4), single(SHIPPED.match(ja4, null)).matchedBy());
        assertEquals(Set.of(FingerprintKind.JA3), single(SHIPPED.match(null, ja3)).matchedBy());
        assertEquals(Set.of(FingerprintKind.JA4), single(SHIPPED.match(ja4, "00000000000000000000000000000000")).matchedBy());
        assertEquals(List.of(), SHIPPED.match(null, null));
    }

    @Test
    void ja4OfOneProductAndJa3OfAnotherAreTwoMatches() {
        String ja4 = Ja4.of(ProductHellos.hello("fortinet-fortigate"), Ja4Transport.TCP).ja4();
        String ja3 = Ja3.of(ProductHellos.hello("juniper-vsrx-strong")).orElseThrow().md5();
        List<InterceptionMatch> matches = SHIPPED.match(ja4, ja3);
        assertEquals(List.of("Fortinet FortiGate", "Juniper vSRX"), matches.stream().map(InterceptionMatch::product).toList());
        assertEquals(Set.of(FingerprintKind.JA4), matches.get(0).matchedBy());
        assertEquals(Set.of(FingerprintKind.JA3), matches.get(1).matchedBy());
    }

    @Test
    void usersTableAddsReplacesAndSharesWithShippedRows() throws IOException {
        ClientHello fortigate = ProductHellos.hello("fortinet-fortigate");
        String ja4 = Ja4.of(fortigate, Ja4Transport.TCP).ja4();
        String ja3 = Ja3.of(fortigate).orElseThrow().md5();
        ClientHello firefox = ProductHellos.hello("firefox-42-os-x");
        Path mine = write("mine.tsv",
                "# our own proxy, and a second name for FortiGate's hello",
                InterceptionHelloTableFormat.HEADER,
                Ja4.of(firefox, Ja4Transport.TCP).ja4() + "\t-\tExample Corp proxy\tsanctioned\t-\t-\tour lab, 2024",
                ja4 + "\t" + ja3 + "\tFortinet FortiGate\tcorporate\t-\t-\tour own FortiGate 7.4",
                ja4 + "\t" + ja3.toUpperCase() + "\tFortinet FortiProxy\tcorporate\t-\t-\tour own FortiProxy");
        InterceptionClientHellos merged = InterceptionClientHellos.load(List.of(mine));

        assertEquals(SHIPPED.size() + 2, merged.size());
        InterceptionMatch ours = single(merged.match(firefox));
        assertEquals("Example Corp proxy", ours.product());
        assertEquals("sanctioned", ours.interceptorClass());
        assertEquals(Set.of(FingerprintKind.JA4), ours.matchedBy());
        Map<String, InterceptionMatch> fortinet = merged.match(fortigate).stream()
                .collect(Collectors.toMap(InterceptionMatch::product, Function.identity()));
        assertEquals("our own FortiGate 7.4", fortinet.get("Fortinet FortiGate").entry().source());
        assertEquals(List.of("Fortinet FortiProxy"), fortinet.get("Fortinet FortiGate").entry().sharedWith());
        assertEquals(List.of("Fortinet FortiGate"), fortinet.get("Fortinet FortiProxy").entry().sharedWith());
    }

    @Test
    void badUsersTableIsOneLineNamingFileAndLine() throws IOException {
        Path bad = write("bad.tsv",
                InterceptionHelloTableFormat.HEADER,
                "t12d110400_43e74fd21232_4c608536f165\t-\tX\tvendor\t-\t-\tsomewhere",
                "-\t-\tY\tcorporate\t-\t-\tsomewhere");
        InterceptionHelloTableException e = assertThrows(InterceptionHelloTableException.class,
                () -> InterceptionClientHellos.load(List.of(bad)));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().startsWith(bad + ":2: class \"vendor\" is not one of "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (and 1 more problem)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(bad + ":3: neither a ja4 nor a ja3", e.problems().get(1));
    }

    @Test
    void missingUsersTableSaysSo() {
        Path missing = dir.resolve("absent.tsv");
        InterceptionHelloTableException e = assertThrows(InterceptionHelloTableException.class,
                () -> InterceptionClientHellos.load(List.of(missing)));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read: "), e.getMessage());
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static InterceptionMatch single(List<InterceptionMatch> matches) {
        assertEquals(1, matches.size(), matches.toString());
        return matches.get(0);
    }

    static String shippedText() throws IOException {
        try (InputStream in = InterceptionClientHellos.class.getResourceAsStream(InterceptionClientHellos.SHIPPED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
