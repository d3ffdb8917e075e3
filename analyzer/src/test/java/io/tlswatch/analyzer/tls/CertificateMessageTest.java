package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.ClientHelloTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Certificate, RFC 5246 §7.4.2 (TLS 1.0 to 1.2, SSL 3.0) and RFC 8446 §4.4.2 (TLS 1.3). */
class CertificateMessageTest {
    /** The server's Certificate body of zeek/tls__tls-early-alert.pcap: record 3, one message. */
    private static byte[] goDaddyChain() {
        return Vectors.messageBody(Vectors.recordBody(Vectors.stream("early-alert-server"), 2), 0);
    }

    /** The server's Certificate body of arkime/ssl-selfsign.pcap (SSL 3.0): record 2. */
    private static byte[] selfSigned() {
        return Vectors.messageBody(Vectors.recordBody(Vectors.stream("ssl3-server"), 1), 0);
    }

    @Test
    void chainComesInOrderEachIssuedByTheNext() throws CertificateException {
        CertificateMessage chain = parsed(goDaddyChain());

        assertEquals(4, chain.size());
        assertFalse(chain.tls13Layout());
        List<X509Certificate> x509 = x509(chain);
        assertTrue(x509.get(0).getSubjectX500Principal().getName().contains("CN=www.jeffbryner.com"));
        for (int i = 0; i + 1 < x509.size(); i++) {
            assertEquals(x509.get(i + 1).getSubjectX500Principal(), x509.get(i).getIssuerX500Principal());
        }
    }

    @Test
    void ssl3CertificateIsOneSelfSignedCertificate() throws CertificateException {
        List<X509Certificate> x509 = x509(parsed(selfSigned()));

        assertEquals(1, x509.size());
        assertEquals(x509.get(0).getSubjectX500Principal(), x509.get(0).getIssuerX500Principal());
        assertTrue(x509.get(0).getSubjectX500Principal().getName().contains("molochftw"));
    }

    @Test
    void certificatesAreCopiesOfTheDerBytes() {
        byte[] body = selfSigned();
        CertificateMessage message = parsed(body);
        byte[] der = message.certificate(0);

        assertEquals(body.length - 6, der.length, "3-byte list length, 3-byte certificate length");
        der[0] = 0;
        assertEquals(0x30, message.certificate(0)[0] & 0xff, "a caller cannot change the parsed value");
    }

    @Test
    void emptyListIsAClientWithoutCertificate() {
        CertificateMessage none = parsed(new byte[] {0, 0, 0});

        assertEquals(0, none.size());
        assertEquals(List.of(), none.certificates());
    }

    @Test
    void zeroLengthCertificateIsABadLength() {
        byte[] body = new TlsBytes().vector24(new TlsBytes().vector24(new byte[0]).toBytes()).toBytes();
        assertFailure(CertificateMessage.parse(body, 0, body.length), TlsParseError.BAD_LENGTH,
                "Certificate.ASN.1Cert");
    }

    @Test
    void tls13LayoutCarriesContextAndPerEntryExtensions() {
        byte[] der = parsed(selfSigned()).certificate(0);
        byte[] statusRequest = {1, 2, 3};
        byte[] entry = new TlsBytes().vector24(der)
                .bytes(TlsBytes.extensions(List.of(new TlsExtension(TlsExtension.STATUS_REQUEST, statusRequest))))
                .toBytes();
        byte[] body = new TlsBytes().vector8(new byte[] {9}).vector24(entry).toBytes();

        CertificateMessage message = CertificateMessage.parseTls13(body, 0, body.length).value();

        assertTrue(message.tls13Layout());
        assertArrayEquals(new byte[] {9}, message.requestContext());
        assertArrayEquals(der, message.certificate(0));
        assertArrayEquals(statusRequest, message.entryExtensions(0).find(TlsExtension.STATUS_REQUEST).data());
    }

    @Test
    void truncatedAtEveryLengthFailsWithANamedField() {
        byte[] body = selfSigned();
        for (int len = 0; len < body.length; len++) {
            TlsParse<CertificateMessage> p = CertificateMessage.parse(body, 0, len);
            assertFalse(p.isParsed(), "prefix of " + len);
            assertTrue(p.field().startsWith("Certificate"), p::reason);
        }
    }

    @Test
    void brokenLengthBytesNeverThrow() {
        byte[] body = goDaddyChain();
        for (int i = 0; i < body.length; i++) {
            byte[] broken = body.clone();
            broken[i] ^= (byte) 0x80;
            TlsParse<CertificateMessage> p = CertificateMessage.parse(broken, 0, broken.length);
            assertTrue(p.isParsed() || p.error() != null, "byte " + i);
        }
    }

    private static CertificateMessage parsed(byte[] body) {
        TlsParse<CertificateMessage> p = CertificateMessage.parse(body, 0, body.length);
        assertTrue(p.isParsed(), p::reason);
        return p.value();
    }

    private static List<X509Certificate> x509(CertificateMessage message) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : message.certificates()) {
            out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return out;
    }
}
