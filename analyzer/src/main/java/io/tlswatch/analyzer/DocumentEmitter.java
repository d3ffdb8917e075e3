package io.tlswatch.analyzer;

import io.tlswatch.analyzer.net.CommunityId;
import io.tlswatch.analyzer.output.CertificateDocument;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.SessionListener;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns finished sessions and new certificates into documents for the sink, and counts them. A
 * session's key (its {@code tlswatch.flow_id}) is derived from the connection's Community ID and
 * the capture time of its first hello, so a replay of the same capture gives the same keys. Each
 * session is judged by the {@link VerdictEngine} on its way out and counted in the prevalence.
 */
final class DocumentEmitter implements SessionListener {
    private final DocumentSink sink;
    private final String sensor;
    private final CommunityId communityId = new CommunityId(0);
    private final MessageDigest sha256;
    private final SessionCounters counters;
    private final VerdictEngine verdicts;
    private final Prevalence prevalence;

    DocumentEmitter(DocumentSink sink, String sensor, SessionCounters counters, VerdictEngine verdicts,
                    Prevalence prevalence) {
        this.sink = sink;
        this.sensor = sensor;
        this.counters = counters;
        this.verdicts = verdicts;
        this.prevalence = prevalence;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public void onNewCertificate(CertificateInfo certificate, long firstSeenNanos) {
        counters.certificates++;
        emit(new CertificateDocument(certificate, firstSeenNanos, sensor));
    }

    @Override
    public void onSession(TlsSession session) {
        counters.count(session);
        FlowEndpoints e = session.endpoints();
        String community = communityId.of(e.clientHi(), e.clientLo(), e.clientPort(),
                e.serverHi(), e.serverLo(), e.serverPort(), e.protocol());
        sha256.update((community + '@' + session.startNanos()).getBytes(StandardCharsets.US_ASCII));
        String flowId = HexFormat.of().formatHex(sha256.digest(), 0, 16);
        SessionVerdict verdict = verdicts.judge(session);
        String serverName = session.clientHello() != null ? session.clientHello().offered().serverName() : null;
        prevalence.add(e.clientIp(), serverName, session.startNanos(), verdict);
        emit(new SessionDocument(session, verdict, sensor, flowId, community));
    }

    private void emit(Document document) {
        try {
            sink.accept(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + document.kind().eventKind() + " document: "
                    + e.getMessage(), e);
        }
    }
}
