package io.tlswatch.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * One client connection of an {@link InterceptionLab} recording: a row of its {@code manifest.tsv},
 * what really happened on that connection, to check a replay's sessions against.
 *
 * @param order              1, 2, ... in the order the clients ran
 * @param clientPort         the client's TCP port (the session's source port)
 * @param serverName         the server name the client asked for (SNI)
 * @param proxied            true when the client went through a proxy, false when it reached the origin
 * @param proxy              the proxy's name ({@code qaznet}, {@code corp}), or null when direct
 * @param clientTrusts       the one CA the client trusted: {@code public}, {@code qaznet} or {@code corp}
 * @param tls                {@code 1.2} (the client allowed at most TLS 1.2) or {@code 1.3} (at least 1.3)
 * @param clientExit         curl's exit status: 0 accepted, 60 refused the server's certificate
 * @param truth              {@code intercepted-by-PROXY}, {@code clean} or {@code rejected} (a forged
 *                           chain the client refused)
 * @param certificateVisible whether the server's chain travelled in the clear (false under TLS 1.3)
 * @param serverPort         the port the client connected to (an origin's, or a proxy's): with
 *                           {@code clientPort}, what tells two connections apart, as the kernel may
 *                           give one client port to connections to different servers
 */
public record LabConnection(int order, int clientPort, String serverName, boolean proxied, String proxy,
        String clientTrusts, String tls, int clientExit, String truth, boolean certificateVisible, int serverPort) {

    /** The manifest's header line, its columns in order. */
    public static final String HEADER = "order\tclient_port\tserver_name\tpath\tproxy\tclient_trusts\ttls"
            + "\tclient_exit\ttruth\tcertificate_visible\tserver_port";

    /** True when the client accepted the server's chain and got its HTTP answer. */
    public boolean accepted() {
        return clientExit == 0;
    }

    /** True when the client accepted a chain forged by {@link #proxy()}. */
    public boolean intercepted() {
        return truth.equals("intercepted-by-" + proxy);
    }

    /** True when a proxy forged the chain and the client refused it. */
    public boolean rejected() {
        return truth.equals("rejected");
    }

    /** Reads every row of a {@code manifest.tsv} written by {@code record-interception.sh}. */
    public static List<LabConnection> readManifest(Path manifest) {
        return ManifestFile.rows(manifest, HEADER).stream().map(LabConnection::of).toList();
    }

    /** One manifest row, its columns as {@link #HEADER} names them. */
    static LabConnection parse(String line) {
        return of(ManifestFile.columns(line, HEADER));
    }

    private static LabConnection of(String[] c) {
        boolean proxied = switch (c[3]) {
            case "direct" -> false;
            case "proxied" -> true;
            default -> throw new IllegalArgumentException("path is neither direct nor proxied: " + c[3]);
        };
        return new LabConnection(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], proxied,
                proxied ? c[4] : null, c[5], c[6], Integer.parseInt(c[7]), c[8], yes(c[9]), Integer.parseInt(c[10]));
    }

    private static boolean yes(String column) {
        return switch (column) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("expected yes or no: " + column);
        };
    }
}
