package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.verdict.fingerprints.ProductHellos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real ClientHello handshake messages for the verdict tests, from the vectors cut out of
 * mitmengine's captures (verdict/fingerprints/hellos, see its README): a browser's, to which the
 * test gives the server name it needs, and interception products' own, as they were sent.
 */
final class ClientHellos {
    private ClientHellos() {
    }

    /** Firefox 42's ClientHello (a browser no product table matches) asking for {@code serverName}. */
    static byte[] firefox42(String serverName) {
        return withServerName(ProductHellos.message("firefox-42-os-x"), serverName);
    }

    /**
     * The ClientHello message with its server_name extension rewritten to ask for
     * {@code serverName} (RFC 6066 section 3), everything else as it was. JA3 does not read the
     * name and JA4 only whether there is one, so its fingerprints are unchanged.
     */
    static byte[] withServerName(byte[] clientHelloMessage, String serverName) {
        ClientHello captured = ProductHellos.parse(clientHelloMessage);
        List<TlsExtension> extensions = new ArrayList<>();
        for (TlsExtension e : captured.extensions().all()) {
            extensions.add(e.type() == TlsExtension.SERVER_NAME ? serverNameExtension(serverName) : e);
        }
        return TlsBytes.handshake(HandshakeLayout.CLIENT_HELLO, TlsBytes.clientHello(captured, extensions));
    }

    /** An interception product's own ClientHello, byte for byte as captured (vector name as in hellos/README.md). */
    static byte[] product(String vector) {
        return ProductHellos.message(vector);
    }

    /** server_name: a ServerNameList with one host_name(0) entry. */
    private static TlsExtension serverNameExtension(String hostName) {
        byte[] name = hostName.getBytes(StandardCharsets.US_ASCII);
        byte[] entry = new TlsBytes().u8(0).vector16(name).toBytes();
        return new TlsExtension(TlsExtension.SERVER_NAME, new TlsBytes().vector16(entry).toBytes());
    }
}
