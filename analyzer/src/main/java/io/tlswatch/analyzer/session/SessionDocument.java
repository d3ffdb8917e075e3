package io.tlswatch.analyzer.session;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ClientHelloExtensions;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsNames;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.VerdictWriter;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;
import java.util.List;

/**
 * A session as a JSON document, with Elastic Common Schema names where ECS has them
 * ({@code source}, {@code destination}, {@code network}, {@code tls}) and our own under
 * {@code tlswatch}. The client is the source, the server the destination.
 */
public final class SessionDocument implements Document {
    private final TlsSession session;
    private final SessionVerdict verdict;
    private final String sensor;
    private final String flowId;
    private final String communityId;
    private final FlowEndpoints endpoints;
    private final boolean withServerName;

    /**
     * @param flowId      this session's stable identity (the document key)
     * @param communityId the connection's Community ID
     */
    public SessionDocument(TlsSession session, SessionVerdict verdict, String sensor, String flowId,
                           String communityId) {
        this(session, verdict, sensor, flowId, communityId, session.endpoints(), true);
    }

    /**
     * @param endpoints      the endpoints to write in place of the session's (a client's pseudonym)
     * @param withServerName whether {@code tls.client.server_name} is written
     */
    public SessionDocument(TlsSession session, SessionVerdict verdict, String sensor, String flowId,
                           String communityId, FlowEndpoints endpoints, boolean withServerName) {
        this.endpoints = endpoints;
        this.withServerName = withServerName;
        this.session = session;
        this.verdict = verdict;
        this.sensor = sensor;
        this.flowId = flowId;
        this.communityId = communityId;
    }

    /** The session this document describes. */
    public TlsSession session() {
        return session;
    }

    /** What was concluded about it. */
    public SessionVerdict verdict() {
        return verdict;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.SESSION;
    }

    @Override
    public String key() {
        return flowId;
    }

    @Override
    public void writeTo(JsonGenerator g) throws IOException {
        TlsSession s = session;
        FlowEndpoints e = endpoints;
        g.writeStartObject();
        DocumentHeader.write(g, DocumentKind.SESSION, s.startNanos(), sensor);
        endpoint(g, "source", e.clientIp(), e.clientPort());
        endpoint(g, "destination", e.serverIp(), e.serverPort());
        writeNetwork(g, e);
        writeTls(g, s, withServerName);
        writeOwn(g, s);
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, String ip, int port) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("ip", ip);
        g.writeNumberField("port", port);
        g.writeEndObject();
    }

    private void writeNetwork(JsonGenerator g, FlowEndpoints e) throws IOException {
        g.writeObjectFieldStart("network");
        g.writeStringField("transport", session.quic() ? "udp" : "tcp");
        g.writeStringField("protocol", session.quic() ? "quic" : "tls");
        g.writeStringField("type", e.networkType());
        g.writeStringField("community_id", communityId);
        if (e.vlanId() != 0) {
            g.writeObjectFieldStart("vlan");
            g.writeStringField("id", Integer.toString(e.vlanId()));
            g.writeEndObject();
        }
        if (e.innerVlanId() != 0) {
            g.writeObjectFieldStart("inner");
            g.writeObjectFieldStart("vlan");
            g.writeStringField("id", Integer.toString(e.innerVlanId()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeTls(JsonGenerator g, TlsSession s, boolean withServerName) throws IOException {
        g.writeObjectFieldStart("tls");
        int version = s.version();
        if (version >= 0) {
            optional(g, "version", TlsNames.ecsVersion(version));
            optional(g, "version_protocol", TlsNames.ecsVersionProtocol(version));
        }
        ServerHello sh = s.serverHello();
        if (sh != null) {
            g.writeStringField("cipher", TlsNames.cipherSuiteName(sh.cipherSuite()));
            optional(g, "next_protocol", sh.alpn());
        }
        g.writeBooleanField("established", s.established());
        g.writeBooleanField("resumed", s.resumed());
        writeClient(g, s.clientHello(), s.fingerprints(), withServerName);
        writeServer(g, s.serverHello(), s.fingerprints(), s.serverChain());
        g.writeEndObject();
    }

    private static void writeClient(JsonGenerator g, ClientHello ch, HandshakeFingerprints fp, boolean withServerName)
            throws IOException {
        if (ch == null) {
            return;
        }
        ClientHelloExtensions x = ch.offered();
        g.writeObjectFieldStart("client");
        optional(g, "server_name", withServerName ? x.serverName() : null);
        if (fp.ja3() != null) {
            g.writeStringField("ja3", fp.ja3().md5());
        }
        g.writeStringField("ja4", fp.ja4().ja4());
        g.writeArrayFieldStart("supported_ciphers");
        for (int suite : ch.cipherSuites()) {
            if (!TlsNames.isGrease(suite)) {
                g.writeString(TlsNames.cipherSuiteName(suite));
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeServer(JsonGenerator g, ServerHello sh, HandshakeFingerprints fp,
                                    List<CertificateInfo> chain) throws IOException {
        if (chain.isEmpty() && sh == null) {
            return;
        }
        g.writeObjectFieldStart("server");
        if (sh != null) {
            g.writeStringField("ja3s", fp.ja3s().md5());
        }
        if (!chain.isEmpty()) {
            writeLeaf(g, chain);
        }
        g.writeEndObject();
    }

    private static void writeLeaf(JsonGenerator g, List<CertificateInfo> chain) throws IOException {
        CertificateInfo leaf = chain.get(0);
        g.writeObjectFieldStart("hash");
        g.writeStringField("sha1", leaf.sha1());
        g.writeStringField("sha256", leaf.sha256());
        g.writeEndObject();
        if (leaf.isParsed()) {
            g.writeStringField("subject", leaf.subject().distinguishedName());
            g.writeStringField("issuer", leaf.issuer().distinguishedName());
            if (leaf.notBefore() != null) {
                g.writeStringField("not_before", leaf.notBefore().toString());
            }
            if (leaf.notAfter() != null) {
                g.writeStringField("not_after", leaf.notAfter().toString());
            }
        }
        g.writeArrayFieldStart("certificate_chain_sha256");
        for (CertificateInfo c : chain) {
            g.writeString(c.sha256());
        }
        g.writeEndArray();
    }

    /** What ECS has no names for: the handshake as observed, and the client's offer in full. */
    private void writeOwn(JsonGenerator g, TlsSession s) throws IOException {
        g.writeObjectFieldStart("tlswatch");
        g.writeStringField("flow_id", flowId);
        VerdictWriter.write(g, verdict, s.clientAccepted());
        g.writeObjectFieldStart("handshake");
        g.writeStringField("end", s.end().jsonName());
        g.writeNumberField("client_hellos", s.clientHellos());
        g.writeNumberField("server_hellos", s.serverHellos());
        if (s.helloRetryRequest()) {
            g.writeBooleanField("hello_retry_request", true);
        }
        g.writeBooleanField("server_certificate_visible", !s.serverChain().isEmpty());
        if (s.clientCertificates() >= 0) {
            g.writeNumberField("client_certificates", s.clientCertificates());
        }
        if (s.ocspStapled()) {
            g.writeBooleanField("ocsp_stapled", true);
        }
        alert(g, "client_alert", s.clientAlert());
        alert(g, "server_alert", s.serverAlert());
        if (!s.anomalies().isEmpty()) {
            g.writeArrayFieldStart("anomalies");
            for (String a : s.anomalies()) {
                g.writeString(a);
            }
            g.writeEndArray();
        }
        g.writeNumberField("duration_ms", (s.lastNanos() - s.startNanos()) / 1_000_000L);
        g.writeEndObject();
        writeOffer(g, s.clientHello(), s.fingerprints());
        if (s.quic()) {
            g.writeObjectFieldStart("quic");
            g.writeStringField("version", String.format("0x%08x", s.quicVersion()));
            g.writeEndObject();
        }
        ServerHello sh = s.serverHello();
        if (sh != null) {
            g.writeObjectFieldStart("server");
            g.writeStringField("version", TlsNames.versionName(sh.selectedVersion()));
            g.writeStringField("ja3s_string", s.fingerprints().ja3s().text());
            g.writeNumberField("cipher_suite", sh.cipherSuite());
            intArray(g, "extensions", sh.extensions().types());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeOffer(JsonGenerator g, ClientHello ch, HandshakeFingerprints fp) throws IOException {
        if (ch == null) {
            return;
        }
        ClientHelloExtensions x = ch.offered();
        g.writeObjectFieldStart("client");
        g.writeStringField("legacy_version", TlsNames.versionName(ch.legacyVersion()));
        if (fp.ja3() != null) {
            g.writeStringField("ja3_string", fp.ja3().text());
        }
        Ja4 ja4 = fp.ja4();
        g.writeStringField("ja4_r", ja4.ja4Raw());
        g.writeStringField("ja4_o", ja4.ja4Original());
        g.writeStringField("ja4_ro", ja4.ja4RawOriginal());
        if (ch.sslv2Compatible()) {
            g.writeBooleanField("sslv2_compatible", true);
        }
        if (!x.alpnProtocols().isEmpty()) {
            g.writeArrayFieldStart("alpn");
            for (String p : x.alpnProtocols()) {
                g.writeString(p);
            }
            g.writeEndArray();
        }
        intArray(g, "supported_versions", x.supportedVersions());
        intArray(g, "cipher_suites", ch.cipherSuites());
        intArray(g, "extensions", ch.extensions().types());
        intArray(g, "supported_groups", x.supportedGroups());
        intArray(g, "signature_algorithms", x.signatureAlgorithms());
        if (x.hasEncryptedClientHello()) {
            g.writeBooleanField("encrypted_client_hello", true);
        }
        g.writeEndObject();
    }

    private static void alert(JsonGenerator g, String name, TlsSession.Alert alert) throws IOException {
        if (alert == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeBooleanField("encrypted", alert.encrypted());
        if (!alert.encrypted()) {
            g.writeStringField("level", TlsNames.alertLevelName(alert.level()));
            g.writeStringField("description", TlsNames.alertDescriptionName(alert.description()));
        }
        g.writeBooleanField("after_server_certificate", alert.afterServerCertificate());
        g.writeEndObject();
    }

    private static void intArray(JsonGenerator g, String name, int[] values) throws IOException {
        if (values == null || values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
