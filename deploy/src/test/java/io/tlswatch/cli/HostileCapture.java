package io.tlswatch.cli;

import io.tlswatch.analyzer.synth.BrowserClientHello;
import io.tlswatch.analyzer.synth.Tls12Messages;
import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.capture.synth.FrameSink;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A capture of one TLS 1.2 connection whose client asks for a server name made of HTML and script,
 * and whose server sends a leaf with HTML and script in its subject, issued by a CA nobody trusts
 * whose name is HTML too, which the client accepts: interception by a forger nobody catalogued, as
 * a session a report must show as text. Each payload would set {@code window.__pwned} if a page ran it.
 */
final class HostileCapture {
    /** Printable ASCII without spaces or backslashes: the TLS parser keeps it as it is. */
    static final String SERVER_NAME = "<img/src=x/onerror=window.__pwned='sni'>.example";
    static final String SUBJECT_CN = "<img src=x onerror=\"window.__pwned='subject'\"><script>window.__pwned='script'</script>";
    static final String CA_CN = "<img src=x onerror=\"window.__pwned='issuer'\"> Inspection CA";
    static final TcpEndpoint CLIENT = TcpEndpoint.of("203.0.113.66", 50443);
    static final TcpEndpoint SERVER = TcpEndpoint.of("198.51.100.99", 443);

    private HostileCapture() {
    }

    static void write(Path file, Instant at) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        List<byte[]> chain = forgedChain(at);
        byte[] serverPoint = new byte[65];
        serverPoint[0] = 4;
        byte[] clientPoint = serverPoint.clone();
        TcpConversation c = TcpConversation.between(CLIENT, SERVER)
                .startAt(at.getEpochSecond() * 1_000_000_000L + at.getNano()).handshake()
                .client(BrowserClientHello.record(SERVER_NAME, filler(32, 0x11), filler(32, 0x22), filler(32, 0x33)))
                .server(Tls12Messages.handshakeRecords(
                        Tls12Messages.serverHello(filler(32, 0x44), new byte[0], Tls12Messages.ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, List.of()),
                        Tls12Messages.certificate(chain),
                        Tls12Messages.serverKeyExchange(0x0017, serverPoint, 0x0403, filler(72, 0x55)),
                        Tls12Messages.serverHelloDone()))
                .client(TlsBytes.concat(Tls12Messages.handshakeRecords(Tls12Messages.clientKeyExchange(clientPoint)),
                        Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random)))
                .server(TlsBytes.concat(Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random)))
                .client(Tls12Messages.applicationData(random, 400))
                .server(Tls12Messages.applicationData(random, 1200))
                .close();
        try (OutputStream out = Files.newOutputStream(file)) {
            c.writeTo(FrameSink.pcap(new PcapWriter(out, LinkType.ETHERNET)));
        }
    }

    /** The leaf (P-256) and the CA that signed it, leaf first, valid around {@code at}. */
    private static List<byte[]> forgedChain(Instant at) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair leafKeys = generator.generateKeyPair();
            X500Name ca = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Evil & Co").addRDN(BCStyle.CN, CA_CN).build();
            X500Name leaf = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, SUBJECT_CN).build();
            return List.of(issue(leaf, leafKeys, ca, caKeys, at), issue(ca, caKeys, ca, caKeys, at));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the test certificates", e);
        }
    }

    private static byte[] issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, Instant at)
            throws IOException, OperatorCreationException {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(subject.hashCode() & 0x7fffffffL),
                Date.from(at.minus(30, ChronoUnit.DAYS)), Date.from(at.plus(300, ChronoUnit.DAYS)), subject,
                subjectKeys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()))
                .getEncoded();
    }

    private static byte[] filler(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
