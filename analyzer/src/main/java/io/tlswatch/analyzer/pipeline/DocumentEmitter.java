package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.net.CommunityId;
import io.tlswatch.analyzer.output.CertificateDocument;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.Evidence;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.Strength;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sink stage's work on each session, in the order the sink releases them: judges it with the
 * {@link VerdictEngine}, counts it in the prevalence, writes a certificate document for each of its
 * certificates not written before, then its session document. A session's key (its
 * {@code tlswatch.flow_id}) is derived from the connection's Community ID and the capture time of
 * its first hello, so a replay of the same capture gives the same keys. Single-threaded (the sink's).
 */
final class DocumentEmitter {
    /** Distinct certificates remembered as written; past it the least recently seen is forgotten. */
    private static final int WRITTEN_CERTIFICATES = 1_000_000;

    private final DocumentSink sink;
    private final String sensor;
    private final CommunityId communityId = new CommunityId(0);
    private final MessageDigest sha256;
    private final SessionCounters counters;
    private final VerdictEngine verdicts;
    private final Prevalence prevalence;
    private final ClientPrivacy privacy;
    private long judgeErrors;

    DocumentEmitter(DocumentSink sink, String sensor, SessionCounters counters, VerdictEngine verdicts,
                    Prevalence prevalence, ClientPrivacy privacy) {
        this.sink = sink;
        this.sensor = sensor;
        this.counters = counters;
        this.verdicts = verdicts;
        this.prevalence = prevalence;
        this.privacy = privacy;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private final Map<String, Boolean> writtenCertificates = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > WRITTEN_CERTIFICATES;
        }
    };

    void onSession(TlsSession session) {
        for (CertificateInfo certificate : session.serverChain()) {
            if (writtenCertificates.put(certificate.sha256(), Boolean.TRUE) == null) {
                counters.certificates++;
                emit(new CertificateDocument(certificate, session.startNanos(), sensor));
            }
        }
        counters.count(session);
        FlowEndpoints e = privacy.endpoints(session.endpoints());
        String community = communityId.of(e.clientHi(), e.clientLo(), e.clientPort(),
                e.serverHi(), e.serverLo(), e.serverPort(), e.protocol());
        sha256.update((community + '@' + session.startNanos()).getBytes(StandardCharsets.US_ASCII));
        String flowId = HexFormat.of().formatHex(sha256.digest(), 0, 16);
        SessionVerdict verdict = judge(session);
        String serverName = session.clientHello() != null ? session.clientHello().offered().serverName() : null;
        prevalence.add(e.clientIp(), serverName, session.startNanos(), verdict);
        emit(new SessionDocument(session, verdict, sensor, flowId, community, e,
                privacy.keepsServerName(verdict.verdict())));
    }

    /**
     * The verdict, or, should judging fail on some input (a bug), a not_observable verdict that says
     * so: the session is still written and the failure counted, never lost.
     */
    private SessionVerdict judge(TlsSession session) {
        try {
            return verdicts.judge(session);
        } catch (RuntimeException bug) {
            judgeErrors++;
            Evidence error = Evidence.of().put("error", bug.toString()).as("judge-error", Strength.INFORMATIVE, null);
            return new SessionVerdict(Verdict.NOT_OBSERVABLE, null, List.of(error), null);
        }
    }

    void flush() {
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    /** Sessions whose judging failed (and were written as not_observable with a judge-error). */
    long judgeErrors() {
        return judgeErrors;
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
