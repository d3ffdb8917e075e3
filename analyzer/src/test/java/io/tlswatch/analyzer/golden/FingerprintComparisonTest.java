package io.tlswatch.analyzer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison of one capture's published fingerprints with its sessions': multisets per
 * source and rendering, corrections that must explain exactly what does not match. Values from
 * ndpi/steam.pcapng (a HelloRetryRequest whose JA3S nDPI keeps) and ja4/tls-non-ascii-alpn.pcapng.
 */
class FingerprintComparisonTest {
    private static final String CAPTURE = "ndpi/steam.pcapng";
    private static final String HRR_JA3S = "15af977ce25de452b96affa2addb1036";
    private static final String JA3S = "907bf3ecef1c987c889946b737b43de8";
    private static final String JA3 = "07eb11020e4395f99e5ef70baf9c1d11";

    private static SessionFingerprints session(String ja3, String ja3s) {
        return new SessionFingerprints(Map.of(Fingerprint.JA3, ja3, Fingerprint.JA3S, ja3s));
    }

    private static PublishedFingerprint ndpi(Fingerprint kind, String value) {
        return new PublishedFingerprint("ndpi", kind, value);
    }

    private static FingerprintCorrection correction(String expected, String ours, int times) {
        return new FingerprintCorrection(CAPTURE, "ndpi", Fingerprint.JA3S, expected, ours, times,
                "nDPI keeps the HelloRetryRequest's JA3S");
    }

    @Test
    void valuesPublishedAsOftenAsSessionsGiveThemMatch() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3, JA3), ndpi(Fingerprint.JA3, JA3), ndpi(Fingerprint.JA3S, HRR_JA3S)),
                List.of(session(JA3, HRR_JA3S), session(JA3, HRR_JA3S), session(JA3, JA3S)), List.of());

        assertEquals(List.of(), r.problems());
        assertEquals(Map.of("ndpi", new FingerprintComparison.Tally(3, 3, 0)), r.tallies());
    }

    @Test
    void aValuePublishedMoreOftenThanSessionsGiveItIsAProblemThatReadsAsTheRowItNeeds() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3S, HRR_JA3S), ndpi(Fingerprint.JA3S, HRR_JA3S)),
                List.of(session(JA3, HRR_JA3S), session(JA3, JA3S)), List.of());

        assertEquals(List.of("not matched: " + CAPTURE + "\tndpi\tja3s\t" + HRR_JA3S + "\t" + JA3S + "\t1\t?"), r.problems());
        assertEquals(new FingerprintComparison.Tally(2, 1, 0), r.tallies().get("ndpi"));
    }

    @Test
    void aCorrectionExplainsAMissingValueWithTheValueOursGivesInstead() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3S, HRR_JA3S), ndpi(Fingerprint.JA3S, HRR_JA3S)),
                List.of(session(JA3, HRR_JA3S), session(JA3, JA3S)), List.of(correction(HRR_JA3S, JA3S, 1)));

        assertEquals(List.of(), r.problems());
        assertEquals(new FingerprintComparison.Tally(2, 1, 1), r.tallies().get("ndpi"));
    }

    @Test
    void aCorrectionForAValueThatMatchesIsAProblem() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3S, HRR_JA3S)), List.of(session(JA3, HRR_JA3S)),
                List.of(correction(HRR_JA3S, "", 1)));

        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("a correction for a value that is not missing 1 time(s)"), r.problems().get(0));
    }

    @Test
    void aCorrectionCoveringMoreTimesThanAreMissingIsAProblem() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3S, HRR_JA3S), ndpi(Fingerprint.JA3S, HRR_JA3S)),
                List.of(session(JA3, HRR_JA3S), session(JA3, JA3S)), List.of(correction(HRR_JA3S, "", 2)));

        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("a correction for a value that is not missing 2 time(s)"));
        assertTrue(r.problems().get(1).startsWith("not matched: "));
    }

    @Test
    void aCorrectionNamingAValueNoSessionHasToSpareIsAProblem() {
        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(ndpi(Fingerprint.JA3S, HRR_JA3S), ndpi(Fingerprint.JA3S, JA3S)),
                List.of(session(JA3, JA3S)), List.of(correction(HRR_JA3S, JA3S, 1)));

        assertTrue(r.problems().get(0).startsWith("a correction names a value no session of ours has to spare"),
                r.problems().toString());
    }

    @Test
    void aCorrectionOfAnotherCaptureOrSourceDoesNotApply() {
        FingerprintCorrection elsewhere = new FingerprintCorrection("ndpi/tumblr.pcap", "ndpi", Fingerprint.JA3S,
                HRR_JA3S, "", 1, "the stream's only ServerHello is a HelloRetryRequest");

        FingerprintComparison.Result r = FingerprintComparison.compare(CAPTURE,
                List.of(new PublishedFingerprint("tshark", Fingerprint.JA3S, HRR_JA3S)), List.of(session(JA3, JA3S)),
                List.of(elsewhere, correction(HRR_JA3S, "", 1)));

        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("a correction for a value that is not missing"), r.problems().get(0));
        assertTrue(r.problems().get(1).startsWith("not matched: " + CAPTURE + "\ttshark\tja3s\t" + HRR_JA3S));
    }
}
