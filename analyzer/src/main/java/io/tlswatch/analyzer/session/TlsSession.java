package io.tlswatch.analyzer.session;

import io.tlswatch.analyzer.quic.QuicClientHello;
import io.tlswatch.analyzer.quic.QuicHandshake;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Everything seen of one TLS handshake: who spoke to whom, the hellos, the server's chain, how it
 * ended. Filled in by a {@link SessionAssembler} as events arrive, then written out once as a
 * session document. One object per handshake (not per packet).
 */
public final class TlsSession {

    /** How the session's observation ended. */
    public enum End {
        /** Both sides moved to encrypted records and application data flowed. */
        ESTABLISHED("established"),
        /** A side sent a plaintext fatal alert. */
        ALERT("alert"),
        /** The connection closed (FIN or RST) before it was established. */
        CLOSED("closed"),
        /** No packets for the idle timeout. */
        IDLE_TIMEOUT("idle_timeout"),
        /** The flow table was full and this flow was the least recently seen. */
        EVICTED("evicted"),
        /** The capture ended first. */
        END_OF_INPUT("end_of_input"),
        /** The byte stream could not be followed (a lost segment, the window or memory bound). */
        STREAM_LOST("stream_lost"),
        /** The TLS framing broke (a fatal anomaly). */
        PROTOCOL_ERROR("protocol_error"),
        /**
         * QUIC: the client's Initial packets were read, and the server's could not give a
         * ServerHello (not captured, not decryptable, malformed); the rest of the handshake is encrypted.
         */
        QUIC_CLIENT_HELLO("quic_client_hello"),
        /** QUIC: both sides' Initial packets were read, as far as the ServerHello; the rest is encrypted. */
        QUIC_SERVER_HELLO("quic_server_hello");

        private final String jsonName;

        End(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /** An alert as the session saw it; level and description are -1 when it was encrypted. */
    public record Alert(int level, int description, boolean encrypted, boolean afterServerCertificate) {
    }

    final FlowEndpoints endpoints;
    final long startNanos;
    /** The QUIC version whose Initial packets carried the handshake, or 0 for TLS over TCP. */
    int quicVersion;
    /**
     * When, on the reader's monotonic packet clock, the session finished: sessions are judged and
     * written in this order whatever the number of workers (see {@link #ORDER}).
     */
    long orderNanos;
    /** Emission order within the flow's worker: the last tie-break, for sessions of one connection. */
    long emissionSeq;
    private HandshakeFingerprints fingerprints;
    private boolean chainJudged;
    private ChainVerdict trustVerdict;
    private ChainVerdict sanctionedVerdict;
    long lastNanos;
    ClientHello clientHello;
    ServerHello serverHello;
    int clientHellos;
    int serverHellos;
    boolean helloRetryRequest;
    final List<CertificateInfo> serverChain = new ArrayList<>(4);
    final List<byte[]> serverChainDer = new ArrayList<>(4);
    boolean serverCertificateSeen;
    int clientCertificates = -1;
    boolean ocspStapled;
    boolean clientChangeCipherSpec;
    boolean serverChangeCipherSpec;
    int clientEncryptedRecords;
    int serverEncryptedRecords;
    boolean serverRecordAfterClientFinished;
    Alert clientAlert;
    Alert serverAlert;
    final List<String> anomalies = new ArrayList<>(0);
    boolean established;
    End end;

    TlsSession(FlowEndpoints endpoints, long startNanos) {
        this.endpoints = endpoints;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    public FlowEndpoints endpoints() { return endpoints; }

    /** JA3, JA4 and JA3S, computed on first use (after the session finished). */
    public HandshakeFingerprints fingerprints() {
        if (fingerprints == null) {
            fingerprints = HandshakeFingerprints.of(this);
        }
        return fingerprints;
    }

    /**
     * Keeps the verdicts on the server chain, judged once the session finished (on its flow
     * worker): against the trust store, and against the user's sanctioned CAs (null when there
     * are none or no chain was seen).
     */
    public void chainJudged(ChainVerdict trust, ChainVerdict sanctioned) {
        this.trustVerdict = trust;
        this.sanctionedVerdict = sanctioned;
        this.chainJudged = true;
    }

    /** Whether {@link #chainJudged} was called. */
    public boolean isChainJudged() { return chainJudged; }

    /** The chain's verdict against the trust store; null without a chain or before it was judged. */
    public ChainVerdict trustVerdict() { return trustVerdict; }

    /** The chain's verdict against the sanctioned CAs; null without them. */
    public ChainVerdict sanctionedVerdict() { return sanctionedVerdict; }

    /** See {@link #orderNanos}; Long.MAX_VALUE for sessions finished at the end of the input. */
    public long orderNanos() { return orderNanos; }

    /**
     * The order sessions are judged and written in, whatever the number of workers: when they
     * finished ({@link #orderNanos()}), then, among sessions finished at the same instant, by start
     * time and endpoints (a deterministic tie-break; numbers only, nothing to format).
     */
    public static final Comparator<TlsSession> ORDER = Comparator.comparingLong(TlsSession::orderNanos)
            .thenComparingLong(TlsSession::startNanos)
            .thenComparingLong(s -> s.endpoints.clientHi())
            .thenComparingLong(s -> s.endpoints.clientLo())
            .thenComparingInt(s -> s.endpoints.clientPort())
            .thenComparingLong(s -> s.endpoints.serverHi())
            .thenComparingLong(s -> s.endpoints.serverLo())
            .thenComparingInt(s -> s.endpoints.serverPort())
            .thenComparingInt(s -> s.endpoints.protocol())
            .thenComparingInt(s -> s.endpoints.vlanId())
            .thenComparingInt(s -> s.endpoints.innerVlanId())
            .thenComparingLong(s -> s.emissionSeq);

    /**
     * Numbers this session in its worker's emission order. Two sessions of one connection can tie
     * on everything else (both hellos in one packet); they come from one worker, in this order.
     */
    public void setEmissionSeq(long seq) {
        this.emissionSeq = seq;
    }

    /** Whether the handshake rode on QUIC (its hellos came out of Initial packets). */
    public boolean quic() { return quicVersion != 0; }

    /** The QUIC version (RFC 9000 0x00000001, RFC 9369 0x6b3343cf, drafts), or 0 for TCP. */
    public int quicVersion() { return quicVersion; }

    /**
     * A session for a QUIC connection, as far as a passive observer can follow it: the hellos
     * decrypted from both sides' Initial packets (the ClientHello, the ServerHello when the
     * server's Initials were read, two of each after a HelloRetryRequest). Its certificates travel
     * encrypted.
     *
     * @param end {@link End#QUIC_SERVER_HELLO} or {@link End#QUIC_CLIENT_HELLO} when the tracker
     *        handed the handshake over, else how the flow ended first (idle, evicted, end of input)
     * @param orderNanos see {@link #orderNanos()}
     */
    public static TlsSession quic(FlowEndpoints endpoints, QuicHandshake handshake, End end, long orderNanos) {
        QuicClientHello client = handshake.client();
        TlsSession s = new TlsSession(endpoints, client.firstInitialNanos());
        s.orderNanos = orderNanos;
        s.quicVersion = client.version();
        s.clientHello = client.hello();
        s.serverHello = handshake.serverHello();
        s.clientHellos = handshake.clientHellos();
        s.serverHellos = handshake.serverHellos();
        s.helloRetryRequest = handshake.helloRetryRequest();
        s.lastNanos = handshake.lastNanos();
        for (TlsAnomaly anomaly : handshake.anomalies()) {
            s.anomalies.add(anomaly.name().toLowerCase(Locale.ROOT));
        }
        s.end = end;
        return s;
    }

    /** Capture time of the first handshake message of the session. */
    public long startNanos() { return startNanos; }

    /** Capture time of the last event the session took in. */
    public long lastNanos() { return lastNanos; }

    public ClientHello clientHello() { return clientHello; }

    public ServerHello serverHello() { return serverHello; }

    /** ClientHello messages in this session (2 after a HelloRetryRequest). */
    public int clientHellos() { return clientHellos; }

    /** ServerHello messages, HelloRetryRequests included. */
    public int serverHellos() { return serverHellos; }

    public boolean helloRetryRequest() { return helloRetryRequest; }

    /** The server's chain as sent, leaf first; empty when not seen (TLS 1.3, resumption, loss). */
    public List<CertificateInfo> serverChain() { return serverChain; }

    /** The DER of each certificate in {@link #serverChain()}, in the same order. */
    public List<byte[]> serverChainDer() { return serverChainDer; }

    /**
     * Whether the client went on with the chain it saw: true when the session was established,
     * false when the client sent an alert after the server's certificate, null when unknown.
     */
    public Boolean clientAccepted() {
        if (established) {
            return Boolean.TRUE;
        }
        if (clientAlert != null && clientAlert.afterServerCertificate()) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Certificates the client sent (-1: no client Certificate message seen). */
    public int clientCertificates() { return clientCertificates; }

    public boolean ocspStapled() { return ocspStapled; }

    public boolean established() { return established; }

    public Alert clientAlert() { return clientAlert; }

    public Alert serverAlert() { return serverAlert; }

    public List<String> anomalies() { return anomalies; }

    public End end() { return end; }

    /** The version the server chose (supported_versions, else its legacy version), or -1. */
    public int version() {
        return serverHello != null && !serverHello.isHelloRetryRequest() ? serverHello.selectedVersion() : -1;
    }

    /**
     * Whether the server resumed an earlier session: TLS 1.3 with a pre_shared_key, or TLS 1.2 and
     * below echoing a non-empty session id, or a handshake that went to ChangeCipherSpec with no
     * Certificate (session tickets).
     */
    public boolean resumed() {
        if (serverHello == null || clientHello == null) {
            return false;
        }
        if (serverHello.selectsTls13()) {
            return serverHello.extensions().has(TlsExtension.PRE_SHARED_KEY);
        }
        byte[] offered = clientHello.sessionId();
        byte[] echoed = serverHello.sessionId();
        boolean sameId = offered.length > 0 && Arrays.equals(offered, echoed);
        return sameId || serverChangeCipherSpec && !serverCertificateSeen;
    }
}
