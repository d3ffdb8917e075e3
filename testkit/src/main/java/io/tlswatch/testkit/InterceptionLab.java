package io.tlswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real TLS interception recorded by the tests themselves, through
 * {@code deploy/samples/record-interception.sh}: curl clients on 127.0.10.1 reach openssl s_server
 * origins (www.example.org, shop.example.org) directly or through sslsplit proxies that forge the
 * origins' leaves with an interception CA ({@code qaznet}: C=KZ, CN=Qaznet Trust Network, a
 * look-alike made by the script; {@code corp}: an enterprise inspection CA). tcpdump records the
 * client side and, apart, the proxies' own connections to the origins. The script's header says
 * which connections it makes. Needs openssl, sslsplit, curl, tcpdump and the right to capture on
 * lo (CI runs as root); without them the test is skipped with the reason.
 */
public final class InterceptionLab {
    private static final String SCRIPT = "deploy/samples/record-interception.sh";

    /** The lab's proxies, each named after the CA it forges with. */
    public static final List<String> PROXIES = List.of("qaznet", "corp");

    /**
     * What was recorded.
     *
     * @param dir                  the folder holding everything below
     * @param clientSidePcap       client to proxy and client to origin, as a sensor beside the clients sees it
     * @param upstreamPcap         proxy to origin, as a sensor between the proxies and the origins sees it
     * @param publicRootCa         PEM of the root that stands for a publicly trusted one (trust it as an extra root)
     * @param publicIntermediateCa PEM of the intermediate that issued the origins' leaves
     * @param interceptionCas      PEM of each proxy's CA, by proxy name
     * @param connections          the manifest: every client connection, in order
     */
    public record Recording(Path dir, Path clientSidePcap, Path upstreamPcap, Path publicRootCa,
            Path publicIntermediateCa, Map<String, Path> interceptionCas, List<LabConnection> connections) {

        /** The DER of the leaf the origin for {@code serverName} sends. */
        public byte[] originLeafDer(String serverName) {
            return Pem.certificateDer(dir.resolve("origin-" + serverName + ".pem"));
        }

        /**
         * The DER of the leaf {@code proxy} forged for {@code serverName}, as sslsplit wrote it
         * ({@code forged-PROXY/ORIGINAL_SHA1-FORGED_SHA1.crt}).
         */
        public byte[] forgedLeafDer(String proxy, String serverName) {
            String prefix = sha1Upper(originLeafDer(serverName)) + "-";
            try (Stream<Path> files = Files.list(dir.resolve("forged-" + proxy))) {
                List<Path> forged = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.getFileName().toString().endsWith(".crt")).toList();
                if (forged.size() != 1) {
                    throw new IllegalStateException(proxy + " forged " + forged.size() + " leaves for " + serverName);
                }
                return Pem.certificateDer(forged.get(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String sha1Upper(byte[] der) {
            try {
                return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private InterceptionLab() {
    }

    /** Builds the lab in {@code dir}, runs every client once, and returns what was recorded. */
    public static Recording record(Path dir) {
        RecordingScript.run(SCRIPT, Duration.ofSeconds(60),
                "openssl, sslsplit, curl, tcpdump and capture rights on lo", List.of(dir.toString()));
        Map<String, Path> interceptionCas = new LinkedHashMap<>();
        for (String proxy : PROXIES) {
            interceptionCas.put(proxy, dir.resolve(proxy + "-ca.pem"));
        }
        return new Recording(dir, dir.resolve("client-side.pcap"), dir.resolve("upstream.pcap"),
                dir.resolve("public-root-ca.pem"), dir.resolve("public-intermediate-ca.pem"),
                Map.copyOf(interceptionCas), LabConnection.readManifest(dir.resolve("manifest.tsv")));
    }
}
