package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.FlowPlan;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small synthetic capture replayed through the {@link Analyzer} as a user would, with the
 * synthetic public roots added to the trust store: one session per planned flow, with the planned
 * server name, version and (TLS 1.2) leaf; forged TLS 1.2 sessions intercepted by the catalogue
 * entry the forging CA is named after; direct ones clean; TLS 1.3 ones not observable.
 */
class SyntheticCaptureReplayTest {
    private static final SynthSettings SETTINGS = SynthSettings.of(Mix.REALISTIC, 120).withSeed(5).withDataBytes(4_000)
            .withSites(30).withForgedShare(0.3).withTls13Share(0.25).withConcurrentFlows(20);

    @TempDir
    static Path dir;
    private static SyntheticCapture capture;
    /** The plans by their client's address and port. */
    private static Map<Long, FlowPlan> plansByClient;
    private static ReplayedSessions replayed;

    @BeforeAll
    static void writeAndReplay() throws IOException {
        capture = new SyntheticCapture(SETTINGS);
        Path file = dir.resolve("synth.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            capture.writeTo(CaptureFormat.PCAP.open(out), SynthProgress.NONE);
        }
        plansByClient = new HashMap<>();
        for (Iterator<FlowPlan> it = capture.plans(); it.hasNext(); ) {
            FlowPlan p = it.next();
            plansByClient.put(clientKey(p.clientAddress() & 0xffff_ffffL, p.clientPort()), p);
        }
        assertEquals(SETTINGS.flows(), plansByClient.size(), "every flow has a client address and port of its own");
        replayed = ReplayedSessions.of(file, judge(capture.pki()));
    }

    /** The judge a user gets with --extra-roots synth-public-roots.pem. */
    private static VerdictEngine judge(SyntheticPki pki) {
        byte[] pem = SyntheticPki.pem(pki.publicRoots()).getBytes(StandardCharsets.US_ASCII);
        TrustStore synthRoots = TrustStore.fromPem("synth", pem);
        Set<String> privateRoots = new HashSet<>();
        synthRoots.anchors().forEach(a -> privateRoots.add(a.certificateSha256()));
        return VerdictEngine.builder(TrustStore.mozillaSnapshot().withAdditionalRoots("synth", pem),
                InterceptorCatalogue.shipped()).privateRoots(privateRoots).build();
    }

    private static long clientKey(long ipv4, int port) {
        return ipv4 << 16 | port;
    }

    private static FlowPlan planOf(TlsSession s) {
        FlowPlan plan = plansByClient.get(clientKey(s.endpoints().clientLo() & 0xffff_ffffL, s.endpoints().clientPort()));
        assertNotNull(plan, "a session of no planned flow: " + s.endpoints());
        return plan;
    }

    @Test
    void everyFlowIsOneEstablishedSessionWithThePlannedNameAndVersion() {
        assertEquals(SETTINGS.flows(), replayed.sessions().size());
        Set<Long> seen = new HashSet<>();
        for (TlsSession s : replayed.sessions()) {
            FlowPlan plan = planOf(s);
            assertTrue(seen.add(plan.index()), "flow " + plan.index() + " made two sessions");
            assertAll("flow " + plan.index(),
                    () -> assertEquals(capture.serverName(plan), s.clientHello().offered().serverName()),
                    () -> assertEquals(plan.tls13() ? TlsRecordLayout.TLS_1_3 : TlsRecordLayout.TLS_1_2, s.version()),
                    () -> assertTrue(s.established()),
                    () -> assertEquals(TlsSession.End.ESTABLISHED, s.end()),
                    () -> assertEquals(List.of(), s.anomalies()),
                    () -> assertEquals(FlowPlan.SERVER_PORT, s.endpoints().serverPort()));
        }
    }

    @Test
    void tls12SessionsCarryThePlannedChainLeafFirst() {
        int tls12 = 0;
        for (TlsSession s : replayed.sessions()) {
            FlowPlan plan = planOf(s);
            if (plan.tls13()) {
                assertEquals(0, s.serverChain().size(), "TLS 1.3 encrypts the chain");
                continue;
            }
            tls12++;
            assertEquals(capture.chainSent(plan).leafSha256(), s.serverChain().get(0).sha256(), "flow " + plan.index());
            assertEquals(capture.chainSent(plan).certificates().size(), s.serverChain().size());
        }
        assertTrue(tls12 > SETTINGS.flows() / 2, tls12 + " TLS 1.2 sessions");
    }

    @Test
    void forgedSessionsAreInterceptedByTheirCatalogueEntryAndDirectOnesAreClean() {
        Set<String> interceptorsSeen = new HashSet<>();
        EnumSet<Verdict> verdictsSeen = EnumSet.noneOf(Verdict.class);
        for (int i = 0; i < replayed.sessions().size(); i++) {
            FlowPlan plan = planOf(replayed.sessions().get(i));
            SessionVerdict v = replayed.verdicts().get(i);
            verdictsSeen.add(v.verdict());
            String flow = "flow " + plan.index() + " " + v.evidence();
            if (plan.tls13()) {
                assertEquals(Verdict.NOT_OBSERVABLE, v.verdict(), flow);
            } else if (plan.forged()) {
                assertEquals(Verdict.INTERCEPTED, v.verdict(), flow);
                assertEquals(plan.forgedBy().catalogueId(), v.interceptor().id(), flow);
                assertTrue(v.rules().contains("known-interceptor"), flow);
                interceptorsSeen.add(v.interceptor().id());
            } else {
                assertEquals(Verdict.CLEAN, v.verdict(), flow);
                assertNull(v.interceptor(), flow);
            }
        }
        assertEquals(EnumSet.of(Verdict.INTERCEPTED, Verdict.CLEAN, Verdict.NOT_OBSERVABLE), verdictsSeen);
        assertTrue(interceptorsSeen.size() >= 3, "several interceptors among the forgeries: " + interceptorsSeen);
    }
}
