package io.tlswatch.analyzer.x509.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.verdict.catalogue.CatalogueMatcher;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.analyzer.x509.trust.ChainValidator;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic PKI as a replay and a reader of its certificates see it: the same seed makes the
 * same bytes whatever is asked for first; the sites' chains validate against the public roots and
 * cover the names clients ask for; forged leaves copy a site's the way the Kazakh forger did, under
 * CAs the shipped catalogue names.
 */
class SyntheticPkiTest {
    private static final Instant CAPTURE = Instant.parse("2024-01-01T00:00:00Z");
    private static final int SITES = 12;
    private static final SyntheticPki PKI = SyntheticPki.create(7, SITES, CAPTURE);

    @TempDir
    Path dir;

    @Test
    void theSameSeedMakesTheSameCertificatesWhateverIsAskedForFirst() {
        SyntheticPki again = SyntheticPki.create(7, SITES, CAPTURE);
        List<byte[]> backwards = new ArrayList<>();
        for (int i = SITES - 1; i >= 0; i--) {
            backwards.add(0, again.site(i).chain().leaf());
        }
        backwards.add(again.forgedChain(5, SyntheticInterceptor.ZSCALER).leaf());
        List<byte[]> forwards = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            forwards.add(PKI.site(i).chain().leaf());
        }
        forwards.add(PKI.forgedChain(5, SyntheticInterceptor.ZSCALER).leaf());
        assertEquals(forwards.size(), backwards.size());
        for (int i = 0; i < forwards.size(); i++) {
            assertArrayEquals(forwards.get(i), backwards.get(i), "certificate " + i);
        }
        assertEquals(SyntheticPki.pem(PKI.publicRoots()), SyntheticPki.pem(again.publicRoots()));
        assertEquals(SyntheticPki.pem(PKI.interceptorRoots()), SyntheticPki.pem(again.interceptorRoots()));
    }

    @Test
    void anotherSeedMakesOtherKeysAndCertificates() throws Exception {
        SyntheticPki other = SyntheticPki.create(8, SITES, CAPTURE);
        assertNotEquals(SyntheticPki.pem(PKI.publicRoots()), SyntheticPki.pem(other.publicRoots()));
        X509Certificate mine = x509(PKI.site(0).chain().leaf());
        X509Certificate theirs = x509(other.site(0).chain().leaf());
        assertEquals(mine.getSubjectX500Principal(), theirs.getSubjectX500Principal(), "names do not depend on the seed");
        assertNotEquals(mine.getPublicKey(), theirs.getPublicKey());
        assertNotEquals(mine.getSerialNumber(), theirs.getSerialNumber());
    }

    @Test
    void everySiteChainValidatesAgainstThePublicRootsForTheNameClientsAskFor() {
        ChainValidator validator = new ChainValidator(publicStore());
        for (int i = 0; i < SITES; i++) {
            SyntheticSite site = PKI.site(i);
            ChainVerdict verdict = validator.validate(site.chain().certificates(), site.hostName(), CAPTURE);
            assertAll(site.hostName(),
                    () -> assertTrue(verdict.trusted(), verdict.toString()),
                    () -> assertTrue(verdict.anchoredInStore()),
                    () -> assertEquals(2, site.chain().certificates().size(), "leaf and intermediate"));
            assertTrue(site.hostName().endsWith(".example.com") || site.hostName().endsWith(".example.net")
                    || site.hostName().endsWith(".example.org"), site.hostName());
        }
        assertEquals(SITES, IntStream.range(0, SITES).mapToObj(i -> PKI.site(i).hostName()).distinct().count());
    }

    @Test
    void siteLeavesAreValidAroundTheCaptureAndCarryTwoEmbeddedScts() {
        for (int i = 0; i < SITES; i++) {
            CertificateInfo leaf = CertificateParser.parse(PKI.site(i).chain().leaf());
            assertAll("site " + i,
                    () -> assertTrue(leaf.isParsed()),
                    () -> assertEquals(2, leaf.sctCount()),
                    () -> assertFalse(leaf.notBefore().isAfter(CAPTURE.minus(Duration.ofDays(5)))),
                    () -> assertFalse(leaf.notAfter().isBefore(CAPTURE.plus(Duration.ofDays(30)))),
                    () -> assertEquals(32, leaf.serialNumber().length(), "16-byte serial: " + leaf.serialNumber()));
        }
    }

    @Test
    void everyFourthSiteSharesOneRsaKeyTheOthersHaveTheirOwnP256Key() throws Exception {
        List<Object> rsaKeys = new ArrayList<>();
        List<Object> ecKeys = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            X509Certificate leaf = x509(PKI.site(i).chain().leaf());
            boolean rsa = i % 4 == 3;
            assertEquals(rsa, PKI.site(i).chain().rsaKey(), "site " + i);
            assertEquals(rsa ? "RSA" : "EC", leaf.getPublicKey().getAlgorithm(), "site " + i);
            (rsa ? rsaKeys : ecKeys).add(leaf.getPublicKey());
        }
        assertEquals(1, rsaKeys.stream().distinct().count());
        assertEquals(ecKeys.size(), ecKeys.stream().distinct().count());
        assertEquals(256, ((ECPublicKey) ecKeys.get(0)).getParams().getOrder().bitLength());
    }

    @Test
    void aForgedLeafCopiesTheSitesNamesAndSerialButForItsLastFourBytesAndMovesItsValidityByWholeHours()
            throws Exception {
        for (SyntheticInterceptor by : SyntheticInterceptor.values()) {
            X509Certificate genuine = x509(PKI.site(2).chain().leaf());
            ServerChain chain = PKI.forgedChain(2, by);
            X509Certificate forged = x509(chain.leaf());
            BigInteger difference = genuine.getSerialNumber().subtract(forged.getSerialNumber()).abs();
            long shift = Duration.between(forged.getNotBefore().toInstant(), genuine.getNotBefore().toInstant()).getSeconds();
            X509Certificate signer = x509(by.sendsIssuer() ? chain.certificates().get(1) : interceptorRoot(by));
            assertAll(by.name(),
                    () -> assertArrayEquals(genuine.getSubjectX500Principal().getEncoded(),
                            forged.getSubjectX500Principal().getEncoded(), "subject copied as encoded"),
                    () -> assertEquals(List.copyOf(genuine.getSubjectAlternativeNames()),
                            List.copyOf(forged.getSubjectAlternativeNames())),
                    () -> assertTrue(difference.signum() > 0 && difference.bitLength() <= 32, difference.toString(16)),
                    () -> assertEquals(genuine.getSerialNumber().shiftRight(32), forged.getSerialNumber().shiftRight(32)),
                    () -> assertTrue(shift > 0 && shift % 3600 == 0 && shift <= 12 * 3600, shift + " s"),
                    () -> assertEquals(shift, Duration.between(forged.getNotAfter().toInstant(),
                            genuine.getNotAfter().toInstant()).getSeconds()),
                    () -> assertNotEquals(genuine.getPublicKey(), forged.getPublicKey()),
                    () -> assertEquals(by.sendsIssuer() ? 2 : 1, chain.certificates().size()),
                    () -> assertEquals(signer.getSubjectX500Principal(), forged.getIssuerX500Principal()),
                    () -> assertEquals(0, CertificateParser.parse(chain.leaf()).sctCount(), "a forger cannot embed SCTs"));
            forged.verify(signer.getPublicKey());
        }
    }

    @Test
    void theShippedCatalogueNamesEachInterceptorByItsEntryAndNoneOfTheSites() {
        CatalogueMatcher matcher = new CatalogueMatcher(InterceptorCatalogue.shipped());
        for (SyntheticInterceptor by : SyntheticInterceptor.values()) {
            List<String> ids = matcher.match(parsed(PKI.forgedChain(0, by).certificates())).matches().stream()
                    .map(match -> match.entry().id()).distinct().toList();
            assertEquals(List.of(by.catalogueId()), ids, by.name());
        }
        for (int i = 0; i < SITES; i++) {
            assertEquals(List.of(), matcher.match(parsed(PKI.site(i).chain().certificates())).matches(), "site " + i);
        }
    }

    @Test
    void writtenRootsAreTheTrustAnchorsAReplayLoads() throws Exception {
        List<Path> files = PKI.writeRoots(dir.resolve("roots"));
        assertEquals(List.of(SyntheticPki.PUBLIC_ROOTS_FILE, SyntheticPki.INTERCEPTOR_ROOTS_FILE),
                files.stream().map(f -> f.getFileName().toString()).toList());
        assertEquals(3, TrustStore.fromPem(files.get(0)).size());
        assertEquals(SyntheticInterceptor.values().length, TrustStore.fromPem(files.get(1)).size());
        assertTrue(Files.readString(files.get(0)).startsWith("-----BEGIN CERTIFICATE-----\n"));
    }

    @Test
    void siteCountsOutsideTheBoundAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticPki.create(1, 0, CAPTURE));
        assertThrows(IllegalArgumentException.class, () -> SyntheticPki.create(1, SyntheticPki.MAX_SITES + 1, CAPTURE));
    }

    private static TrustStore publicStore() {
        return TrustStore.fromPem("synth", SyntheticPki.pem(PKI.publicRoots()).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] interceptorRoot(SyntheticInterceptor by) {
        return PKI.interceptorRoots().get(by.ordinal());
    }

    private static List<CertificateInfo> parsed(List<byte[]> ders) {
        return ders.stream().map(CertificateParser::parse).toList();
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
