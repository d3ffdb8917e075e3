package io.tlswatch.analyzer.session;

import io.tlswatch.analyzer.tls.CertificateMessage;
import io.tlswatch.analyzer.tls.CertificateStatus;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.analyzer.tls.TlsEventListener;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.x509.CertificateCache;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.trust.TrustLimits;
import java.util.function.Supplier;

/**
 * Turns the TLS events of both directions of one connection into {@link TlsSession}s: starts a
 * session at its first hello, collects the server's chain (each distinct certificate parsed once,
 * through the {@link CertificateCache}), and decides when the session is over:
 * <ul>
 * <li>established: TLS 1.2 and below, both sides sent ChangeCipherSpec and an application-data
 * record followed; TLS 1.3, the client sent a protected record after its Finished (its second
 * protected record), or the server answered the client's first protected record;</li>
 * <li>a plaintext fatal alert from either side;</li>
 * <li>a fatal framing anomaly; or the connection ending (see {@link #endOfFlow}).</li>
 * </ul>
 * A finished session goes to the {@link SessionListener} at once; {@link #isDone()} then tells the
 * flow it can stop looking at this connection. One instance per flow slot, reused.
 */
public final class SessionAssembler implements TlsEventListener {
    /** Anomaly names kept per session; more are counted globally only. */
    private static final int MAX_ANOMALIES_PER_SESSION = 16;
    /** Certificates of a server chain kept (parsed, judged, written); twice what validation reads. */
    static final int MAX_CHAIN_CERTIFICATES = 2 * TrustLimits.MAX_CHAIN_CERTIFICATES;
    private static final int FATAL_ALERT = 2;

    private final CertificateCache certificates;
    private final TlsAnomalyCounters anomalyCounters;
    private final SessionListener listener;
    private final Supplier<FlowEndpoints> endpoints;
    private TlsSession session;
    private long now;
    private long orderNanos;
    private boolean done;
    private boolean sawTls;

    /**
     * @param endpoints the connection's endpoints, client first (asked once per session)
     */
    public SessionAssembler(CertificateCache certificates, TlsAnomalyCounters anomalyCounters,
                            SessionListener listener, Supplier<FlowEndpoints> endpoints) {
        this.certificates = certificates;
        this.anomalyCounters = anomalyCounters;
        this.listener = listener;
        this.endpoints = endpoints;
    }

    /** Forgets everything, for the next flow in this slot. */
    public void reset() {
        session = null;
        done = false;
        sawTls = false;
    }

    /**
     * The capture time of the packet whose bytes are being fed now, and the time that orders what
     * it finishes among all sessions (the reader's monotonic packet time, or an expiry's deadline).
     */
    public void setTime(long nowNanos, long orderNanos) {
        this.now = nowNanos;
        this.orderNanos = orderNanos;
    }

    /** The time that orders the sessions finished from now on (an idle flow's expiry deadline). */
    public void setOrderTime(long orderNanos) {
        this.orderNanos = orderNanos;
    }

    /** True once the session finished: later bytes of the connection need not be looked at. */
    public boolean isDone() {
        return done;
    }

    /** Whether any hello was seen on this connection. */
    public boolean sawTls() {
        return sawTls;
    }

    /** The connection ended (closed, idle, evicted, end of input, stream lost): finish what is open. */
    public void endOfFlow(TlsSession.End why) {
        if (session != null && !done) {
            finish(why);
        }
    }

    /** Counts hellos here, parsed or not, so a malformed hello still makes (and counts in) a session. */
    @Override
    public void onHandshakeMessage(int handshakeType, int length, boolean fromClient) {
        if (done) {
            return;
        }
        if (handshakeType == HandshakeLayout.CLIENT_HELLO && fromClient) {
            if (session != null && session.serverHello != null) {
                finish(TlsSession.End.CLOSED);   // a new handshake on the same connection
                done = false;
            }
            current().clientHellos++;
        } else if (handshakeType == HandshakeLayout.SERVER_HELLO && !fromClient) {
            current().serverHellos++;
        }
    }

    @Override
    public void onClientHello(ClientHello hello) {
        if (done) {
            return;
        }
        TlsSession s = current();
        if (s.clientHello == null) {
            s.clientHello = hello;
        }
    }

    @Override
    public void onServerHello(ServerHello hello) {
        if (done) {
            return;
        }
        TlsSession s = current();
        if (hello.isHelloRetryRequest()) {
            s.helloRetryRequest = true;
        } else if (s.serverHello == null) {
            s.serverHello = hello;
        }
    }

    @Override
    public void onCertificate(CertificateMessage message, boolean fromClient) {
        if (done || fromClient && session == null) {
            return;
        }
        if (fromClient) {
            session.lastNanos = now;
            session.clientCertificates = message.size();
            return;
        }
        current();   // a capture that starts mid-handshake may show the chain without the hellos
        if (session.serverCertificateSeen) {
            return;
        }
        session.serverCertificateSeen = true;
        if (message.size() > MAX_CHAIN_CERTIFICATES) {
            onAnomaly(TlsAnomaly.CERTIFICATE_CHAIN_TOO_LONG, message.size() + " certificates", false);
        }
        for (int i = 0; i < Math.min(message.size(), MAX_CHAIN_CERTIFICATES); i++) {
            byte[] der = message.certificate(i);
            CertificateInfo info = certificates.get(der);
            session.serverChain.add(info);
            session.serverChainDer.add(der);
        }
    }

    @Override
    public void onCertificateStatus(CertificateStatus status) {
        if (session != null) {
            session.ocspStapled = true;
        }
    }

    @Override
    public void onChangeCipherSpec(boolean fromClient) {
        if (session == null || done) {
            return;
        }
        if (fromClient) {
            session.clientChangeCipherSpec = true;
        } else {
            session.serverChangeCipherSpec = true;
        }
    }

    @Override
    public void onAlert(int level, int description, boolean encrypted, boolean fromClient) {
        if (session == null || done) {
            return;
        }
        session.lastNanos = now;
        TlsSession.Alert alert = new TlsSession.Alert(level, description, encrypted, session.serverCertificateSeen);
        if (fromClient && session.clientAlert == null) {
            session.clientAlert = alert;
        } else if (!fromClient && session.serverAlert == null) {
            session.serverAlert = alert;
        }
        if (!encrypted && level == FATAL_ALERT) {
            finish(TlsSession.End.ALERT);
        }
    }

    @Override
    public void onEncryptedRecord(int contentType, int length, boolean fromClient) {
        if (session == null || done) {
            return;
        }
        session.lastNanos = now;
        if (fromClient) {
            session.clientEncryptedRecords++;
        } else {
            session.serverEncryptedRecords++;
            if (session.clientEncryptedRecords > 0) {
                session.serverRecordAfterClientFinished = true;
            }
        }
        if (isEstablished(contentType)) {
            session.established = true;
            finish(TlsSession.End.ESTABLISHED);
        }
    }

    private boolean isEstablished(int contentType) {
        TlsSession s = session;
        if (s.serverHello == null) {
            return false;
        }
        if (s.serverHello.selectsTls13()) {
            return s.clientEncryptedRecords >= 2 || s.serverRecordAfterClientFinished;
        }
        return contentType == TlsRecordLayout.APPLICATION_DATA && s.clientChangeCipherSpec && s.serverChangeCipherSpec;
    }

    @Override
    public void onNotTls(boolean fromClient, String reason) {
        anomalyCounters.countNotTls();
    }

    @Override
    public void onAnomaly(TlsAnomaly anomaly, String detail, boolean fromClient) {
        anomalyCounters.count(anomaly);
        if (session == null || done) {
            return;
        }
        if (session.anomalies.size() < MAX_ANOMALIES_PER_SESSION) {
            session.anomalies.add(anomaly.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (anomaly.isFatal()) {
            finish(TlsSession.End.PROTOCOL_ERROR);
        }
    }

    private TlsSession current() {
        sawTls = true;
        if (session == null) {
            session = new TlsSession(endpoints.get(), now);
        }
        session.lastNanos = now;
        return session;
    }

    private void finish(TlsSession.End why) {
        session.end = why;
        session.orderNanos = orderNanos;
        done = true;
        TlsSession finished = session;
        session = null;
        listener.onSession(finished);
    }
}
