package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.ObservedHandshake.Client;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code forged-copy} and {@code notary-disagreement}: a session's leaf compared with the publicly
 * trusted leaf the run saw earlier for the same server name.
 */
class NotaryVerdictTest {
    private static final BigInteger SITE_SERIAL = new BigInteger("0a1b2c3d4e5f60718293a4b5c6d7e8f9", 16);
    private static final Instant SITE_FROM = Instant.parse("2024-03-01T08:13:27Z");
    private static final Instant SITE_UNTIL = Instant.parse("2024-09-01T08:13:26Z");
    /** The site's real certificate: what the sensor saw first. */
    private static final Issued SITE_LEAF = TestPki.serverLeaf(SITE, "example.com").keys(VerdictPki.SITE_KEYS)
            .issuedBy(PUBLIC_CA).withEmbeddedScts().serial(SITE_SERIAL).validity(SITE_FROM, SITE_UNTIL).build();
    /** The serial with its last four bytes rewritten, as the Kazakh forger and sslsplit do. */
    private static final BigInteger KEPT_BUT_LAST_FOUR = SITE_SERIAL.shiftRight(32).shiftLeft(32).or(BigInteger.valueOf(0x5eed1e55L));
    private static final BigInteger NEW_SERIAL = new BigInteger("7f0e1d2c3b4a59687766554433221100", 16);
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private final VerdictEngine engine = judge().build();

    /** The proxy's copy of the site's leaf: same subject and names, its own key and CA. */
    private static Issued copy(BigInteger serial, Instant from, Instant until) {
        return TestPki.certificate(SITE_LEAF.subject()).serverLeaf().dns(SITE, "example.com")
                .keys(VerdictPki.PROXY_LEAF_KEYS).issuedBy(CORPORATE_ROOT).serial(serial).validity(from, until).build();
    }

    @Test
    void copyWithValidityMovedSixHoursAndTheSerialKeptButItsLastFourBytesIsAForgedCopy() {
        Issued forged = copy(KEPT_BUT_LAST_FOUR, SITE_FROM.minus(SIX_HOURS), SITE_UNTIL.minus(SIX_HOURS));

        SessionVerdict trusted = engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, forged, CORPORATE_ROOT));

        assertEquals(Verdict.CLEAN, trusted.verdict());
        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(NotaryRule.FORGED_COPY, v.rules().get(0));
        Evidence e = evidence(v, NotaryRule.FORGED_COPY);
        assertEquals(Strength.DECISIVE, e.strength());
        Map<String, String> facts = e.facts();
        assertEquals(SITE_LEAF.sha256(), facts.get("trusted_leaf_sha256"));
        assertTrue(facts.get("trusted_issuer").contains("CN=tlswatch Test Public CA"), facts.toString());
        assertTrue(facts.get("this_issuer").contains("CN=Example Corp TLS Inspection CA"), facts.toString());
        assertEquals("true", facts.get("names_copied"));
        assertEquals("-6", facts.get("validity_shift_hours"));
        assertEquals("true", facts.get("serial_prefix_kept"));
        assertEquals(InterceptorClass.UNKNOWN, v.interceptor().interceptorClass());
        assertEquals(facts.get("this_issuer"), v.interceptor().name());
    }

    @Test
    void eitherTellAloneMakesAForgedCopy() {
        Issued shiftedOnly = copy(NEW_SERIAL, SITE_FROM.minus(SIX_HOURS), SITE_UNTIL.minus(SIX_HOURS));
        Issued serialOnly = copy(KEPT_BUT_LAST_FOUR, Instant.parse("2024-05-31T17:42:05Z"), Instant.parse("2024-08-29T17:42:05Z"));

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict shifted = engine.judge(visit(SITE, shiftedOnly, CORPORATE_ROOT));
        SessionVerdict serial = engine.judge(visit(SITE, serialOnly, CORPORATE_ROOT));

        assertEquals(Verdict.INTERCEPTED, shifted.verdict());
        assertEquals("false", evidence(shifted, NotaryRule.FORGED_COPY).facts().get("serial_prefix_kept"));
        assertEquals(Verdict.INTERCEPTED, serial.verdict());
        assertNull(evidence(serial, NotaryRule.FORGED_COPY).facts().get("validity_shift_hours"));
        assertEquals("true", evidence(serial, NotaryRule.FORGED_COPY).facts().get("serial_prefix_kept"));
    }

    @Test
    void copyKeepingTheWholeSerialIsAForgedCopy() {
        Issued sameSerial = copy(SITE_SERIAL, Instant.parse("2024-05-31T17:42:05Z"), Instant.parse("2024-08-29T17:42:05Z"));

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, sameSerial, CORPORATE_ROOT));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals("true", evidence(v, NotaryRule.FORGED_COPY).facts().get("serial_prefix_kept"));
        assertEquals("true", evidence(v, NotaryRule.FORGED_COPY).facts().get("serial_reused"));
    }

    /**
     * A copy that keeps everything a client could check without the issuer's key (issuer name,
     * serial, SCTs, AIA) and is sent without an intermediate: it looks like a server that forgot
     * its intermediate, but its CA would have issued two certificates with one serial.
     */
    @Test
    void copyUnderTheSitesOwnIssuerNameWithItsSerialIsAForgedCopyNotAMissingIntermediate() {
        Issued site = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .caIssuers("http://ca.example.net/public-ca.der").serial(SITE_SERIAL).build();
        Issued copy = TestPki.certificate(site.subject()).serverLeaf().dns(SITE).keys(VerdictPki.PROXY_LEAF_KEYS)
                .claimsIssuer(PUBLIC_CA.subject(), TestPki.ecKeys()).withEmbeddedScts()
                .caIssuers("http://ca.example.net/public-ca.der").serial(SITE_SERIAL).build();

        engine.judge(visit(SITE, site, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, copy));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(List.of(NotaryRule.FORGED_COPY, UntrustedChainRule.FETCHABLE), v.rules());
        assertEquals("true", evidence(v, NotaryRule.FORGED_COPY).facts().get("serial_reused"));
        assertTrue(v.interceptor().name().startsWith("forger using the name of CN=tlswatch Test Public CA"),
                v.interceptor().name());
    }

    @Test
    void sitesOwnCaReissuingWithANewKeyAndSerialButNoIntermediateIsNoNotaryEvidence() {
        Issued site = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .caIssuers("http://ca.example.net/public-ca.der").serial(SITE_SERIAL).build();
        Issued rotated = TestPki.serverLeaf(SITE).keys(TestPki.ecKeys()).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .caIssuers("http://ca.example.net/public-ca.der").serial(NEW_SERIAL).build();

        engine.judge(visit(SITE, site, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, rotated));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.FETCHABLE), v.rules());
    }

    /** A leaf with other key, issuer, serial and validity is a disagreement: a suspicion by itself. */
    @Test
    void copyWithANewSerialAndFreshValidityIsOnlyANotaryDisagreement() {
        Issued reissued = copy(NEW_SERIAL, Instant.parse("2024-05-31T17:42:05Z"), Instant.parse("2024-08-29T17:42:05Z"));

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).chain(reissued, CORPORATE_ROOT)
                .client(Client.REJECTS).session());

        assertEquals(Verdict.SUSPECTED, v.verdict(), "the rejected untrusted chain alone would be clean");
        assertEquals(List.of(NotaryRule.DISAGREEMENT, UntrustedChainRule.REJECTED), v.rules());
        Evidence e = evidence(v, NotaryRule.DISAGREEMENT);
        assertEquals(Strength.SUSPICIOUS, e.strength());
        assertEquals("true", e.facts().get("names_copied"));
        assertNull(v.interceptor(), "a disagreement names nobody");
    }

    @Test
    void trustedLeafOfAnotherEraIsNoEvidence() {
        Issued lastYears = TestPki.serverLeaf(SITE, "example.com").keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA)
                .withEmbeddedScts().serial(SITE_SERIAL).validity("2022-03-01T08:13:27Z", "2022-09-01T08:13:26Z").build();
        Issued forged = copy(KEPT_BUT_LAST_FOUR, SITE_FROM.minus(SIX_HOURS), SITE_UNTIL.minus(SIX_HOURS));

        SessionVerdict then = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE))
                .at(Instant.parse("2022-06-01T10:00:00Z")).chain(lastYears, PUBLIC_CA).session());
        SessionVerdict now = engine.judge(visit(SITE, forged, CORPORATE_ROOT));

        assertEquals(Verdict.CLEAN, then.verdict());
        assertEquals(List.of(UntrustedChainRule.ACCEPTED), now.rules());
    }

    @Test
    void forgeryBeforeTheSiteWasSeenHasNothingToBeComparedWith() {
        Issued forged = copy(KEPT_BUT_LAST_FOUR, SITE_FROM.minus(SIX_HOURS), SITE_UNTIL.minus(SIX_HOURS));

        SessionVerdict v = engine.judge(visit(SITE, forged, CORPORATE_ROOT));

        assertEquals(List.of(UntrustedChainRule.ACCEPTED), v.rules());
    }

    @Test
    void serverNamesAreComparedWhateverTheirCase() {
        Issued forged = copy(KEPT_BUT_LAST_FOUR, SITE_FROM.minus(SIX_HOURS), SITE_UNTIL.minus(SIX_HOURS));

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit("WWW.Example.COM", forged, CORPORATE_ROOT));

        assertTrue(v.rules().contains(NotaryRule.FORGED_COPY), v.rules().toString());
    }

    @Test
    void untrustedChainWithTheSitesOwnKeyIsNoDisagreement() {
        Issued ownKeyOwnCa = TestPki.root("CN=Example Internal CA,O=Example,C=US", TestPki.ecKeys());
        Issued internal = TestPki.serverLeaf(SITE, "example.com").keys(VerdictPki.SITE_KEYS).issuedBy(ownKeyOwnCa).build();

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, internal, ownKeyOwnCa));

        assertFalse(v.rules().contains(NotaryRule.DISAGREEMENT), v.rules().toString());
        assertFalse(v.rules().contains(NotaryRule.FORGED_COPY), v.rules().toString());
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b55eed1e55, true",   // last four bytes rewritten
        "0a1b2c3d4e5f6071ffffffff, 0a1b2c3d4e5f607200000001, true",                   // a carry into the fifth byte
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b5c6d7e8f9, false",  // the same serial
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 7f0e1d2c3b4a59687766554433221100, false",  // a new serial
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b4c6d7e8f9, false",  // the fifth-last byte changed: 2^32 apart
        "c6d7e8f9, c6d7e8fa, false",                                                  // four bytes: nothing kept to compare
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b5c6d7e8fz, false"}) // not hex
    void serialNearlyKeptMeansOnlyTheLastFourBytesDiffer(String trusted, String forged, boolean kept) {
        assertEquals(kept, NotaryRule.serialNearlyKept(trusted, forged));
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b5c6d7e8f9, true",
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, 0a1b2c3d4e5f60718293a4b55eed1e55, false",
        "c6d7e8f9, c6d7e8f9, false",        // four bytes: two CAs may well both use it
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9, , false"})
    void serialReusedMeansTheSameDistinctiveSerial(String trusted, String forged, boolean reused) {
        assertEquals(reused, NotaryRule.serialReused(trusted, forged));
    }
}
