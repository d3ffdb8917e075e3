package io.tlswatch.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * One connection of a {@link LoopbackStarttls} recording: a row of its {@code manifest.tsv}, what
 * the client and server really did, to check a replay's sessions against.
 *
 * @param order       1, 2, ... in the order the clients ran
 * @param protocol    the protocol upgraded to TLS, as {@code openssl s_client -starttls} names it
 *                    ({@code smtp}, {@code imap}, {@code pop3}, {@code ftp}, {@code xmpp},
 *                    {@code postgres}, {@code ldap})
 * @param serverPort  the server's TCP port (each connection has its own)
 * @param serverName  the server name the client offered (SNI)
 * @param certificate the file, in the recording's folder, of the certificate the server sent
 * @param server      the program that served the connection ({@code dovecot}, {@code slapd}, ...)
 */
public record StarttlsConnection(int order, String protocol, int serverPort, String serverName,
        String certificate, String server) {

    /** The manifest's header line, its columns in order. */
    public static final String HEADER = "order\tprotocol\tserver_port\tserver_name\tcertificate\tserver";

    /** Reads every row of a {@code manifest.tsv} written by {@code record-starttls.sh}. */
    public static List<StarttlsConnection> readManifest(Path manifest) {
        return ManifestFile.rows(manifest, HEADER).stream().map(StarttlsConnection::of).toList();
    }

    /** One manifest row, its columns as {@link #HEADER} names them. */
    static StarttlsConnection parse(String line) {
        return of(ManifestFile.columns(line, HEADER));
    }

    private static StarttlsConnection of(String[] c) {
        int port = Integer.parseInt(c[2]);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("server_port is not a TCP port: " + port);
        }
        if (c[4].isEmpty() || c[4].contains("/")) {
            throw new IllegalArgumentException("certificate is not a file name in the recording's folder: " + c[4]);
        }
        return new StarttlsConnection(Integer.parseInt(c[0]), c[1], port, c[3], c[4], c[5]);
    }
}
