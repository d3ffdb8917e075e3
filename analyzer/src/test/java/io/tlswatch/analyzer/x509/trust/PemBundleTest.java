package io.tlswatch.analyzer.x509.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7468 framing of CERTIFICATE blocks, and every way a block is refused. */
class PemBundleTest {
    private static PemBundle parse(String text) {
        return PemBundle.parse("t.pem", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void blocksAreFoundAmidTextWithCrLfAndWhitespace() {
        PemBundle bundle = parse("# Subject: test\r\n-----BEGIN CERTIFICATE-----\r\nMAMC\r\n  AQU=\r\n"
                + "-----END CERTIFICATE-----\r\ntrailing text\n-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----");

        assertEquals(2, bundle.blocks().size());
        assertEquals(1, bundle.blocks().get(0).index());
        assertArrayEquals(Hex.bytes("30 03 02 01 05"), bundle.blocks().get(0).der());
        assertArrayEquals(Hex.bytes("01 02 03"), bundle.blocks().get(1).der());
        assertEquals(List.of(), bundle.skipped());
    }

    @Test
    void blockWhoseEndComesAfterTheNextBeginIsUnterminatedAndTheNextStillCounts() {
        PemBundle bundle = parse("-----BEGIN CERTIFICATE-----\nMAMC\n-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n");

        assertEquals(List.of(new SkippedPemEntry("t.pem", 1, PemEntryProblem.UNTERMINATED, "CERTIFICATE")), bundle.skipped());
        assertEquals(1, bundle.blocks().size());
        assertEquals(2, bundle.blocks().get(0).index());
    }

    @Test
    void labelsMustMatchAndBeShortAndBodiesStrictBase64() {
        PemBundle bundle = parse("-----BEGIN CERTIFICATE-----\nAQID\n-----END X509 CRL-----\n"
                + "-----BEGIN " + "A".repeat(100) + "-----\n"
                + "-----BEGIN CERTIFICATE-----\nAQ=D\n-----END CERTIFICATE-----\n");

        assertEquals(List.of(new SkippedPemEntry("t.pem", 1, PemEntryProblem.UNTERMINATED, "CERTIFICATE"),
                new SkippedPemEntry("t.pem", 2, PemEntryProblem.UNTERMINATED, "no label"),
                new SkippedPemEntry("t.pem", 3, PemEntryProblem.NOT_BASE64, null)), bundle.skipped());
        assertEquals(List.of(), bundle.blocks());
    }

    @Test
    void emptyBodyIsNotBase64AndEmptyInputHasNothing() {
        assertEquals(List.of(new SkippedPemEntry("t.pem", 1, PemEntryProblem.NOT_BASE64, null)),
                parse("-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----").skipped());
        assertEquals(new PemBundle(List.of(), List.of()), parse(""));
    }

    @Test
    void blocksBeyondTheLimitAreSkippedOnceAndCounted() {
        String block = "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n";

        PemBundle bundle = parse(block.repeat(TrustLimits.MAX_PEM_ENTRIES + 5));

        assertEquals(TrustLimits.MAX_PEM_ENTRIES, bundle.blocks().size());
        assertEquals(List.of(new SkippedPemEntry("t.pem", TrustLimits.MAX_PEM_ENTRIES + 1, PemEntryProblem.TOO_MANY_ENTRIES, null)),
                bundle.skipped());
    }
}
