package io.tlswatch.analyzer.session;

import io.tlswatch.analyzer.x509.CertificateInfo;

/** Where finished sessions, and certificates seen for the first time, go. */
public interface SessionListener {

    /** A certificate this run had not seen before; called before the session that carries it. */
    void onNewCertificate(CertificateInfo certificate, long firstSeenNanos);

    /** A session whose observation ended ({@link TlsSession#end()} says how). */
    void onSession(TlsSession session);
}
