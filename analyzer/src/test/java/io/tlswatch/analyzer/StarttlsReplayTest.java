package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.testkit.LoopbackStarttls;
import io.tlswatch.testkit.StarttlsConnection;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS that starts after a plaintext upgrade, on real traffic: openssl's client upgrades SMTP, IMAP,
 * POP3, FTP, XMPP, PostgreSQL and LDAP connections to real servers (aiosmtpd, dovecot, vsftpd,
 * prosody, postgres, slapd), captured by the test itself and replayed. The analyzer has no code for
 * any of these protocols: it must find each handshake behind the plaintext and report it as the
 * endpoints made it, with the plaintext counted as nothing wrong.
 */
class StarttlsReplayTest {
    private static final int TLS_1_2 = 0x0303;

    @TempDir
    static Path dir;
    static LoopbackStarttls.Recording recording;
    static ReplayedSessions replayed;

    @BeforeAll
    static void recordAndReplay() {
        recording = LoopbackStarttls.record(dir);
        replayed = ReplayedSessions.of(recording.pcap());
    }

    /** The sessions on the connection to this row's server (each server has a port of its own). */
    private static List<TlsSession> sessionsOf(StarttlsConnection row) {
        return replayed.sessions().stream().filter(s -> s.endpoints().serverPort() == row.serverPort()).toList();
    }

    private static TlsSession sessionOf(StarttlsConnection row) {
        List<TlsSession> sessions = sessionsOf(row);
        assertEquals(1, sessions.size(), () -> "sessions on the " + said(row) + " connection");
        return sessions.get(0);
    }

    private static String said(StarttlsConnection row) {
        return row.protocol() + " (" + row.server() + ", port " + row.serverPort() + ")";
    }

    /** One check per manifest row, all of them reported when several fail. */
    private static void forEveryRow(Function<StarttlsConnection, Executable> check) {
        assertAll(recording.connections().stream().map(check));
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    @Test
    void everyProtocolWasRecordedOnItsOwnServer() {
        assertEquals(LoopbackStarttls.PROTOCOLS, recording.connections().stream().map(StarttlsConnection::protocol).toList());
        assertEquals(recording.connections().size(),
                recording.connections().stream().map(StarttlsConnection::serverPort).distinct().count());
    }

    @Test
    void eachUpgradedConnectionIsOneSessionWithItsServerName() {
        forEveryRow(row -> () -> assertEquals(row.serverName(), sessionOf(row).clientHello().offered().serverName(),
                said(row)));
        assertEquals(recording.connections().size(), replayed.sessions().size());
    }

    @Test
    void theServersCertificateIsTheOneInItsFile() {
        forEveryRow(row -> () -> {
            TlsSession session = sessionOf(row);
            assertEquals(1, session.serverChain().size(), () -> said(row) + " chain");
            assertEquals(sha256(recording.certificateDer(row)), session.serverChain().get(0).sha256(), said(row));
        });
    }

    @Test
    void everyUpgradedSessionWasEstablished() {
        forEveryRow(row -> () -> {
            TlsSession session = sessionOf(row);
            assertEquals(TLS_1_2, session.version(), () -> said(row) + " version");
            assertTrue(session.established(), () -> said(row) + " ended " + session.end());
            assertEquals(TlsSession.End.ESTABLISHED, session.end(), said(row));
            assertEquals(Boolean.TRUE, session.clientAccepted(), said(row));
        });
    }

    @Test
    void thePlaintextBeforeTheHandshakeIsNoAnomaly() {
        forEveryRow(row -> () -> assertEquals(List.of(), sessionOf(row).anomalies(), said(row)));
        AnalyzerStats stats = replayed.stats();
        assertAll(Stream.of(TlsAnomaly.values())
                .map(anomaly -> () -> assertEquals(0, stats.tlsAnomalies().get(anomaly), anomaly.name())));
    }

    @Test
    void countersCountEveryUpgradedConnectionAsTls() {
        AnalyzerStats stats = replayed.stats();
        long connections = recording.connections().size();
        assertAll(
                () -> assertEquals(connections, stats.tcpFlows(), "tcp flows"),
                () -> assertEquals(connections, stats.tlsFlows(), "tls flows"),
                () -> assertEquals(0, stats.notTlsFlows(), "not tls flows"),
                () -> assertEquals(0, stats.emptyFlows(), "flows without payload"),
                () -> assertEquals(0, stats.midstreamPickups(), "connections picked up mid-stream"),
                () -> assertEquals(connections, stats.sessions().sessions(), "sessions"),
                () -> assertEquals(connections, stats.sessions().established(), "established sessions"),
                () -> assertEquals(connections, stats.sessions().clientHellos(), "client hellos"),
                () -> assertEquals(connections, stats.sessions().serverHellos(), "server hellos"),
                () -> assertEquals(connections, stats.sessions().serverChainsSeen(), "server chains seen"));
    }
}
