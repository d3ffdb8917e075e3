package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import io.tlswatch.testkit.InterceptionLab;
import io.tlswatch.testkit.LabConnection;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts on traffic through a real interception proxy (sslsplit, on loopback, recorded by
 * the test with tcpdump on the client side): the lab's manifest says for each connection whether
 * the proxy forged its certificate, and the verdicts must agree, session by session.
 */
class InterceptionVerdictTest {
    private static final String QAZNET_ENTRY = "kz-qaznet-trust-network-2019";

    @TempDir
    static Path dir;
    static InterceptionLab.Recording lab;

    @BeforeAll
    static void record() {
        lab = InterceptionLab.record(dir);
    }

    /** The judge a user who only added the lab's public test root would run. */
    private static VerdictEngine.Builder judge(InterceptorCatalogue catalogue) throws Exception {
        TrustStore trust = TrustStore.mozillaSnapshot().withAdditionalRoots(lab.publicRootCa());
        Set<String> privateRoots = Set.of(TrustStore.fromPem(lab.publicRootCa()).anchors().get(0).certificateSha256());
        return VerdictEngine.builder(trust, catalogue).privateRoots(privateRoots);
    }

    private static Map<LabConnection, SessionVerdict> replay(VerdictEngine judge) {
        ReplayedSessions replayed = ReplayedSessions.of(lab.clientSidePcap(), judge);
        Map<List<Integer>, SessionVerdict> byPorts = new HashMap<>();
        for (int i = 0; i < replayed.sessions().size(); i++) {
            TlsSession s = replayed.sessions().get(i);
            byPorts.put(List.of(s.endpoints().clientPort(), s.endpoints().serverPort()), replayed.verdicts().get(i));
        }
        Map<LabConnection, SessionVerdict> out = new HashMap<>();
        for (LabConnection row : lab.connections()) {
            SessionVerdict v = byPorts.get(List.of(row.clientPort(), row.serverPort()));
            assertNotNull(v, "no session for " + row);
            out.put(row, v);
        }
        return out;
    }

    @Test
    void everyForgedChainUnderTheQaznetLookAlikeIsInterceptedByTheKazakhEntry() throws Exception {
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(InterceptorCatalogue.shipped()).build());
        List<LabConnection> forged = lab.connections().stream()
                .filter(r -> "qaznet".equals(r.proxy()) && r.certificateVisible()).toList();
        assertFalse(forged.isEmpty());
        for (LabConnection row : forged) {
            SessionVerdict v = verdicts.get(row);
            assertAll(row.toString(),
                    () -> assertEquals(Verdict.INTERCEPTED, v.verdict()),
                    () -> assertEquals(InterceptorClass.GOVERNMENT, v.interceptor().interceptorClass()),
                    () -> assertEquals(QAZNET_ENTRY, v.interceptor().id()),
                    () -> assertTrue(v.rules().contains("known-interceptor"), v.rules().toString()));
        }
    }

    @Test
    void directSessionsAreCleanOrNotObservableNeverSuspected() throws Exception {
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(InterceptorCatalogue.shipped()).build());
        for (LabConnection row : lab.connections()) {
            if (row.proxied()) {
                continue;
            }
            Verdict expected = row.certificateVisible() ? Verdict.CLEAN : Verdict.NOT_OBSERVABLE;
            assertEquals(expected, verdicts.get(row).verdict(), row + " " + verdicts.get(row).evidence());
        }
    }

    @Test
    void recallIsCompleteAndThereIsNoFalsePositive() throws Exception {
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(InterceptorCatalogue.shipped()).build());
        int forgedAndVisible = 0;
        for (LabConnection row : lab.connections()) {
            Verdict v = verdicts.get(row).verdict();
            if (row.proxied() && row.certificateVisible()) {
                forgedAndVisible++;
                assertEquals(Verdict.INTERCEPTED, v, row + " is " + v);
            } else if (!row.proxied()) {
                assertTrue(v == Verdict.CLEAN || v == Verdict.NOT_OBSERVABLE, row + " is " + v);
            } else {
                assertEquals(Verdict.NOT_OBSERVABLE, v, row + ": TLS 1.3 hides the forged chain");
            }
        }
        assertTrue(forgedAndVisible >= 4, "the lab forges at least four visible chains");
    }

    @Test
    void theClientThatRejectedTheForgedChainIsReportedAsSuch() throws Exception {
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(InterceptorCatalogue.shipped()).build());
        ReplayedSessions replayed = ReplayedSessions.of(lab.clientSidePcap(), judge(InterceptorCatalogue.shipped()).build());
        LabConnection rejecting = lab.connections().stream()
                .filter(r -> r.rejected() && r.certificateVisible()).findFirst().orElseThrow();
        TlsSession session = replayed.sessions().stream()
                .filter(s -> s.endpoints().clientPort() == rejecting.clientPort()
                        && s.endpoints().serverPort() == rejecting.serverPort()).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, session.clientAccepted());
        assertEquals(Verdict.INTERCEPTED, verdicts.get(rejecting).verdict(), "the forgery happened, refused or not");
    }

    /**
     * The corporate proxy is in no catalogue, but the run saw the same site directly before: the
     * proxy's leaf copies the site's names and keeps its serial number but for the last four bytes
     * (as the Kazakh forger did), so the copy is decisive.
     */
    @Test
    void anUnknownProxyIsCaughtByItsCopyOfTheSitesCertificate() throws Exception {
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(InterceptorCatalogue.shipped()).build());
        LabConnection corp = lab.connections().stream().filter(r -> "corp".equals(r.proxy())).findFirst().orElseThrow();
        assertTrue(lab.connections().stream().anyMatch(r -> !r.proxied() && r.certificateVisible()
                && r.serverName().equals(corp.serverName()) && r.order() < corp.order()), "the lab's order changed");
        BigInteger origin = x509(lab.originLeafDer(corp.serverName())).getSerialNumber();
        BigInteger forged = x509(lab.forgedLeafDer("corp", corp.serverName())).getSerialNumber();
        assertTrue(origin.subtract(forged).abs().bitLength() <= 32 && !origin.equals(forged),
                "sslsplit changes only the last four bytes of the serial: " + origin.toString(16) + " " + forged.toString(16));
        SessionVerdict v = verdicts.get(corp);
        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertTrue(v.rules().contains("forged-copy"), v.rules().toString());
        assertEquals(InterceptorClass.UNKNOWN, v.interceptor().interceptorClass());
        assertTrue(v.interceptor().name().contains("Example Corp TLS Inspection CA"), v.interceptor().name());
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void aUsersCatalogueEntryNamesTheCorporateProxy() throws Exception {
        Path entries = Files.writeString(dir.resolve("corp.catalogue"), """
                [example-corp-inspection]
                name = Example Corp TLS inspection
                class = corporate
                issuer = CN=Example Corp TLS Inspection CA
                source = the lab's own proxy CA
                """);
        InterceptorCatalogue catalogue = InterceptorCatalogue.load(List.of(entries));
        Map<LabConnection, SessionVerdict> verdicts = replay(judge(catalogue).build());
        LabConnection corp = lab.connections().stream().filter(r -> "corp".equals(r.proxy())).findFirst().orElseThrow();
        assertEquals(Verdict.INTERCEPTED, verdicts.get(corp).verdict());
        assertEquals(InterceptorClass.CORPORATE, verdicts.get(corp).interceptor().interceptorClass());
        assertEquals("example-corp-inspection", verdicts.get(corp).interceptor().id());
    }

    @Test
    void aSanctionedEnterpriseCaIsInterceptionLabelledSanctioned() throws Exception {
        TrustStore sanctioned = TrustStore.fromPem(lab.interceptionCas().get("corp"));
        Map<LabConnection, SessionVerdict> verdicts =
                replay(judge(InterceptorCatalogue.shipped()).sanctionedCas(sanctioned).build());
        LabConnection corp = lab.connections().stream().filter(r -> "corp".equals(r.proxy())).findFirst().orElseThrow();
        assertEquals(Verdict.INTERCEPTED, verdicts.get(corp).verdict());
        assertEquals(InterceptorClass.SANCTIONED, verdicts.get(corp).interceptor().interceptorClass());
        assertTrue(verdicts.get(corp).rules().contains("sanctioned-ca"));
    }
}
