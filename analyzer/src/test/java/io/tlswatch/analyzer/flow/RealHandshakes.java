package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.flow.RecordedHandshake.Flight;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import java.util.List;

/**
 * The real handshakes the flow tests put into synthetic TCP, with what an outside tool says of
 * them, so that no expected value comes from our own output.
 */
final class RealHandshakes {
    /**
     * TLS 1.2 from zeek/tls__tls-early-alert.pcap, TCP stream 0 (streams early-alert-client/-server):
     * ClientHello with SNI; the server's warning alert, ServerHello, Certificate (4 certificates),
     * ServerKeyExchange, ServerHelloDone; the client's ClientKeyExchange, ChangeCipherSpec and
     * Finished; the server's NewSessionTicket, ChangeCipherSpec and Finished; the client's first
     * application data.
     */
    static final RecordedHandshake TLS12 = new RecordedHandshake("early-alert-client", "early-alert-server",
            List.of(new Flight(Side.CLIENT, 0, 1), new Flight(Side.SERVER, 0, 5), new Flight(Side.CLIENT, 1, 4),
                    new Flight(Side.SERVER, 5, 8), new Flight(Side.CLIENT, 4, 5)));
    /** The endpoints of that capture: the server listens on a port above the client's. */
    static final TcpEndpoint TLS12_CLIENT = TcpEndpoint.of("192.168.6.217", 50020);
    static final TcpEndpoint TLS12_SERVER = TcpEndpoint.of("67.207.128.99", 64132);
    /** From the corpus oracle zeek/expected/tls__tls-early-alert.pcap.oracle.tsv (tshark 4.0.17). */
    static final String TLS12_SERVER_NAME = "jeffbryner.com";
    static final String TLS12_LEAF_SHA1 = "8ee4b834428a0edc20d5af43f7c844805dbfbc37";
    static final int TLS12_CHAIN_LENGTH = 4;
    /** {@code openssl x509 -inform der -noout -fingerprint -sha256} over the leaf's DER (it gives the SHA-1 above too). */
    static final String TLS12_LEAF_SHA256 = "808bb91f30ac93207eb49932750b319d24b3d473c0847dc87f76329e0363767a";
    /** Where the server name's bytes start in the client's stream (inside the ClientHello, record 0). */
    static final int TLS12_SERVER_NAME_OFFSET = 113;
    /** Server stream records: 0 alert, 1 ServerHello, 2 Certificate, 3 ServerKeyExchange, 4 ServerHelloDone. */
    static final int TLS12_CERTIFICATE_RECORD = 2;

    /**
     * TLS 1.3 with a HelloRetryRequest, from zeek/tls__hrr.pcap, TCP stream 0 (streams
     * hrr-client/-server), in the capture's order: ClientHello; HelloRetryRequest and
     * ChangeCipherSpec; ChangeCipherSpec and the second ClientHello; ServerHello and the first
     * protected records; the client's Finished; more from the server; the client's first request.
     * No server name, and the certificate is encrypted.
     */
    static final RecordedHandshake TLS13_HRR = new RecordedHandshake("hrr-client", "hrr-server",
            List.of(new Flight(Side.CLIENT, 0, 1), new Flight(Side.SERVER, 0, 2), new Flight(Side.CLIENT, 1, 3),
                    new Flight(Side.SERVER, 2, 4), new Flight(Side.CLIENT, 3, 4), new Flight(Side.SERVER, 4, 5),
                    new Flight(Side.CLIENT, 4, 5)));
    static final TcpEndpoint TLS13_CLIENT = TcpEndpoint.of("10.192.48.168", 63564);
    static final TcpEndpoint TLS13_SERVER = TcpEndpoint.of("64.233.185.139", 443);

    private RealHandshakes() {
    }

    /** A conversation between the TLS 1.2 capture's endpoints, nothing built yet. */
    static TcpConversation tls12Connection() {
        return TcpConversation.between(TLS12_CLIENT, TLS12_SERVER);
    }

    /** The whole TLS 1.2 handshake after a TCP handshake, in segments of {@code segmentSize}, closed. */
    static TcpConversation tls12(int segmentSize) {
        return TLS12.playInto(tls12Connection().segmentSize(segmentSize).handshake()).close();
    }
}
