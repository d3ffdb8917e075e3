package io.tlswatch.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS after a plaintext upgrade, recorded by the tests themselves through
 * {@code deploy/samples/record-starttls.sh}: {@code openssl s_client -starttls} talking to real
 * servers from Debian on 127.0.0.1 (aiosmtpd for SMTP, dovecot for IMAP and POP3, vsftpd for FTP,
 * prosody for XMPP, PostgreSQL, slapd for LDAP), each with its own self-signed certificate, one
 * TLS 1.2 connection per protocol with a little of the protocol over TLS, captured with tcpdump.
 * Needs openssl, tcpdump, the servers and the right to capture on lo (CI runs as root and
 * installs them); without them the test is skipped with the reason.
 */
public final class LoopbackStarttls {
    private static final String SCRIPT = "deploy/samples/record-starttls.sh";

    /** Every protocol the script can record, in the order it records them by default. */
    public static final List<String> PROTOCOLS = List.of("smtp", "imap", "pop3", "ftp", "xmpp", "postgres", "ldap");

    /**
     * What was recorded.
     *
     * @param pcap        the capture of every connection
     * @param dir         the folder holding the capture, the certificates and the servers' logs
     * @param connections the manifest: one connection per protocol, in order
     */
    public record Recording(Path pcap, Path dir, List<StarttlsConnection> connections) {
        /** The DER of the self-signed certificate the server of {@code connection} sent. */
        public byte[] certificateDer(StarttlsConnection connection) {
            return Pem.certificateDer(dir.resolve(connection.certificate()));
        }
    }

    private LoopbackStarttls() {
    }

    /**
     * Records one connection per protocol, in order.
     *
     * @param protocols some of {@link #PROTOCOLS}; none means all of them
     */
    public static Recording record(Path dir, String... protocols) {
        List<String> arguments = new ArrayList<>(List.of(dir.toString()));
        arguments.addAll(List.of(protocols));
        RecordingScript.run(SCRIPT, Duration.ofSeconds(45),
                "openssl, tcpdump, capture rights on lo and the servers: python3-aiosmtpd, dovecot-imapd, "
                        + "dovecot-pop3d, vsftpd, prosody, postgresql, slapd", arguments);
        return new Recording(dir.resolve("capture.pcap"), dir,
                StarttlsConnection.readManifest(dir.resolve("manifest.tsv")));
    }
}
