package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The certificates of a Certificate handshake message, each the DER bytes of one X.509
 * certificate, sender's certificate first. Two layouts:
 *
 * <pre>
 *  TLS 1.0-1.2 (RFC 5246 §7.4.2)             TLS 1.3 (RFC 8446 §4.4.2)
 *  ASN.1Cert certificate_list&lt;0..2^24-1&gt;;    opaque certificate_request_context&lt;0..2^8-1&gt;;
 *    opaque ASN.1Cert&lt;1..2^24-1&gt;;            CertificateEntry certificate_list&lt;0..2^24-1&gt;;
 *                                                opaque cert_data&lt;1..2^24-1&gt;;
 *                                                Extension extensions&lt;0..2^16-1&gt;;
 * </pre>
 *
 * On the wire a monitor sees only the first layout in plaintext (TLS 1.3 encrypts its
 * Certificate); the second is parsed for decrypted traffic and completeness. Every length is
 * checked against the one that holds it, so the count is bounded by the message size. The DER
 * bytes are copies, not checked here (the X.509 package parses them). Immutable.
 */
public final class CertificateMessage {
    private final List<byte[]> certificates;
    private final byte[] requestContext;
    private final List<TlsExtensionList> entryExtensions;
    private final boolean tls13Layout;

    private CertificateMessage(List<byte[]> certificates, byte[] requestContext,
            List<TlsExtensionList> entryExtensions, boolean tls13Layout) {
        this.certificates = Collections.unmodifiableList(certificates);
        this.requestContext = requestContext;
        this.entryExtensions = Collections.unmodifiableList(entryExtensions);
        this.tls13Layout = tls13Layout;
    }

    /** Parses the body of a TLS 1.0-1.2 (and SSL 3.0) certificate message. */
    public static TlsParse<CertificateMessage> parse(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        TlsReader list = r.vector24("Certificate.certificate_list");
        r.expectEnd("Certificate");
        List<byte[]> certificates = new ArrayList<>();
        List<TlsExtensionList> extensions = new ArrayList<>();
        while (list.remaining() > 0 && r.ok()) {
            certificates.add(certData(list, "Certificate.ASN.1Cert"));
            extensions.add(TlsExtensionList.ABSENT);
        }
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new CertificateMessage(certificates, new byte[0], extensions, false));
    }

    /** Parses the body of a TLS 1.3 certificate message. */
    public static TlsParse<CertificateMessage> parseTls13(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        byte[] context = r.vector8("Certificate.certificate_request_context").rest();
        TlsReader list = r.vector24("Certificate.certificate_list");
        r.expectEnd("Certificate");
        List<byte[]> certificates = new ArrayList<>();
        List<TlsExtensionList> extensions = new ArrayList<>();
        while (list.remaining() > 0 && r.ok()) {
            certificates.add(certData(list, "CertificateEntry.cert_data"));
            extensions.add(TlsExtensionList.read(list.vector16("CertificateEntry.extensions"),
                    "CertificateEntry.extensions"));
        }
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new CertificateMessage(certificates, context, extensions, true));
    }

    private static byte[] certData(TlsReader list, String what) {
        TlsReader der = list.vector24(what);
        der.requireLength(der.remaining(), 1, 0xffffff, what);
        return der.rest();
    }

    /** How many certificates the message holds (0 is legal: a client without one). */
    public int size() {
        return certificates.size();
    }

    /** A copy of the DER bytes of certificate {@code i}, 0 being the sender's own. */
    public byte[] certificate(int i) {
        return certificates.get(i).clone();
    }

    /** Copies of every certificate's DER bytes, in order. */
    public List<byte[]> certificates() {
        List<byte[]> out = new ArrayList<>(certificates.size());
        for (byte[] der : certificates) {
            out.add(der.clone());
        }
        return Collections.unmodifiableList(out);
    }

    /** certificate_request_context (TLS 1.3), empty otherwise. */
    public byte[] requestContext() {
        return requestContext.clone();
    }

    /** The extensions of entry {@code i} (TLS 1.3), {@link TlsExtensionList#ABSENT} otherwise. */
    public TlsExtensionList entryExtensions(int i) {
        return entryExtensions.get(i);
    }

    public boolean tls13Layout() {
        return tls13Layout;
    }

    @Override
    public String toString() {
        return "Certificate[" + certificates.size() + (tls13Layout ? ", tls13]" : "]");
    }
}
