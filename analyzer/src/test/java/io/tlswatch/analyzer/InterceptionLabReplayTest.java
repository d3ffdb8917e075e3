package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.TlsNames;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.testkit.InterceptionLab;
import io.tlswatch.testkit.LabConnection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real interception proxy (sslsplit) between real clients (curl) and real origins (openssl
 * s_server) on loopback, recorded on the client side by the test itself and replayed: for every
 * connection the lab's manifest lists, the session shows the server name, the leaf that was really
 * sent (the forged one through a proxy, the origin's own directly), whether the client went on, and
 * the refusing client's alert. These are the facts a verdict is built on, not a verdict.
 */
class InterceptionLabReplayTest {
    private static final int ALERT_LEVEL_FATAL = 2;
    private static final int ALERT_UNKNOWN_CA = 48;
    private static final int TLS_1_3 = 0x0304;

    @TempDir
    static Path dir;
    static InterceptionLab.Recording lab;
    /** Sessions by their client and server ports (the kernel may give one client port to two connections). */
    static Map<List<Integer>, TlsSession> sessionByPorts;
    static List<TlsSession> clientSide;
    static List<TlsSession> upstream;

    @BeforeAll
    static void recordAndReplay() {
        lab = InterceptionLab.record(dir);
        clientSide = ReplayedSessions.of(lab.clientSidePcap()).sessions();
        upstream = ReplayedSessions.of(lab.upstreamPcap()).sessions();
        sessionByPorts = clientSide.stream().collect(Collectors.toMap(
                s -> List.of(s.endpoints().clientPort(), s.endpoints().serverPort()), Function.identity()));
    }

    private static List<LabConnection> rows(Predicate<LabConnection> which) {
        List<LabConnection> rows = lab.connections().stream().filter(which).toList();
        assertFalse(rows.isEmpty(), "the lab records no such connection");
        return rows;
    }

    private static TlsSession session(LabConnection row) {
        TlsSession s = sessionByPorts.get(List.of(row.clientPort(), row.serverPort()));
        assertNotNull(s, "no session from client port " + row.clientPort() + " to " + row.serverPort() + " (" + row + ")");
        return s;
    }

    private static CertificateInfo leaf(LabConnection row) {
        List<CertificateInfo> chain = session(row).serverChain();
        assertFalse(chain.isEmpty(), "no server chain seen for " + row);
        return chain.get(0);
    }

    private static String sha256(byte[] der) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    private static X509Certificate certificate(byte[] der) throws GeneralSecurityException, IOException {
        try (InputStream in = new ByteArrayInputStream(der)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509Certificate certificate(Path pem) throws GeneralSecurityException, IOException {
        return certificate(Files.readAllBytes(pem));
    }

    @Test
    void everyConnectionIsOneSessionWithItsServerName() {
        assertEquals(lab.connections().size(), clientSide.size(), "sessions: " + sessionByPorts.keySet());
        for (LabConnection row : lab.connections()) {
            assertEquals(row.serverName(), session(row).clientHello().offered().serverName(), row.toString());
        }
    }

    @Test
    void proxiedChainIsTheForgedLeafAndTheInterceptionCa() throws Exception {
        for (LabConnection row : rows(r -> r.proxied() && r.certificateVisible())) {
            byte[] forged = lab.forgedLeafDer(row.proxy(), row.serverName());
            X509Certificate ca = certificate(lab.interceptionCas().get(row.proxy()));
            CertificateInfo leaf = leaf(row);
            assertEquals(sha256(forged), leaf.sha256(), row + ": the leaf sslsplit forged");
            assertNotEquals(sha256(lab.originLeafDer(row.serverName())), leaf.sha256(), row.toString());
            assertEquals(ca.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    leaf.issuer().distinguishedName(), row.toString());
            certificate(forged).verify(ca.getPublicKey());
            List<CertificateInfo> chain = session(row).serverChain();
            assertEquals(2, chain.size(), row + ": sslsplit sends its CA after the leaf");
            assertEquals(sha256(ca.getEncoded()), chain.get(1).sha256(), row.toString());
        }
    }

    @Test
    void directLeafIsTheOriginsWithItsIntermediate() throws Exception {
        X509Certificate intermediate = certificate(lab.publicIntermediateCa());
        for (LabConnection row : rows(r -> !r.proxied() && r.certificateVisible())) {
            List<CertificateInfo> chain = session(row).serverChain();
            assertEquals(sha256(lab.originLeafDer(row.serverName())), leaf(row).sha256(), row.toString());
            assertEquals(intermediate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    leaf(row).issuer().distinguishedName(), row.toString());
            assertEquals(2, chain.size(), row.toString());
            assertEquals(sha256(intermediate.getEncoded()), chain.get(1).sha256(), row.toString());
        }
    }

    @Test
    void acceptingClientsSessionsAreEstablished() {
        for (LabConnection row : rows(LabConnection::accepted)) {
            assertTrue(session(row).established(), row.toString());
            assertEquals(TlsSession.End.ESTABLISHED, session(row).end(), row.toString());
        }
    }

    @Test
    void refusingClientAlertsUnknownCaAfterTheForgedCertificate() {
        for (LabConnection row : rows(r -> r.rejected() && r.certificateVisible())) {
            TlsSession s = session(row);
            TlsSession.Alert alert = s.clientAlert();
            assertNotNull(alert, row.toString());
            assertFalse(alert.encrypted(), row.toString());
            assertEquals(ALERT_LEVEL_FATAL, alert.level(), row.toString());
            assertEquals("unknown_ca", TlsNames.alertDescriptionName(alert.description()), row.toString());
            assertTrue(alert.afterServerCertificate(), row.toString());
            assertFalse(s.established(), row.toString());
            assertEquals(TlsSession.End.ALERT, s.end(), row.toString());
        }
    }

    @Test
    void tls13HidesTheChainThroughTheProxyAndDirectly() {
        for (LabConnection row : rows(r -> !r.certificateVisible())) {
            assertEquals(TLS_1_3, session(row).version(), row.toString());
            assertTrue(session(row).serverChain().isEmpty(), row.toString());
        }
    }

    /**
     * OpenSSL's client refuses the certificate before it switches to its handshake keys, so even
     * under TLS 1.3, where the forged chain itself is hidden, its fatal alert goes out in the clear.
     */
    @Test
    void tls13RefusalShowsTheAlertButNotTheCertificate() {
        for (LabConnection row : rows(r -> r.rejected() && !r.certificateVisible())) {
            TlsSession s = session(row);
            TlsSession.Alert alert = s.clientAlert();
            assertNotNull(alert, row.toString());
            assertFalse(alert.encrypted(), row.toString());
            assertEquals("unknown_ca", TlsNames.alertDescriptionName(alert.description()), row.toString());
            assertFalse(alert.afterServerCertificate(), row + ": the certificate was never seen");
            assertTrue(s.serverChain().isEmpty(), row.toString());
            assertFalse(s.established(), row.toString());
        }
    }

    /**
     * The proxy answers with its own ServerHello: under TLS 1.3 sslsplit wants a P-256 key share
     * and sends a HelloRetryRequest for it, where the origin takes curl's first share as it is.
     */
    @Test
    void tls13ThroughTheProxyNeedsAHelloRetryRequestAndDirectlyDoesNot() {
        for (LabConnection row : rows(r -> !r.certificateVisible())) {
            assertEquals(row.proxied(), session(row).helloRetryRequest(), row.toString());
        }
    }

    @Test
    void upstreamHoldsTheProxysOwnConnectionForEveryProxiedClient() {
        List<String> proxiedNames = lab.connections().stream().filter(LabConnection::proxied)
                .map(LabConnection::serverName).sorted().toList();
        assertEquals(proxiedNames, upstream.stream().map(s -> s.clientHello().offered().serverName()).sorted().toList());
    }
}
