package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.tls.TlsParse;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS side of a connection's Initial packets: the hellos its two CRYPTO streams carry
 * (RFC 9001 §4.1), read as each completes and counted as a TLS session over TCP counts them. The
 * client's stream holds its ClientHello and, after a HelloRetryRequest, its second ClientHello
 * (RFC 8446 §4.1.2), which is counted and not kept; the server's holds its ServerHello, or a
 * HelloRetryRequest and then the real ServerHello, which is kept. A stream that holds something
 * else, or a hello over the bound, stops that side; a ServerHello that does not parse or a second
 * HelloRetryRequest stops the server's. Every outcome is counted in {@link QuicCounters}.
 */
final class InitialHellos {
    private static final int MAX_CLIENT_HELLOS = 2;

    private final InitialSide client;
    private final InitialSide server;
    private final QuicCounters counters;
    private ClientHello firstClientHello;
    private ServerHello serverHello;
    private int clientHellos;
    private int serverHellos;
    private boolean helloRetryRequest;
    private long lastNanos;
    private final List<TlsAnomaly> anomalies = new ArrayList<>(0);
    private QuicOutcome clientStopped;
    private String clientStoppedDetail;
    private QuicOutcome serverStopped;
    private String serverStoppedDetail;

    InitialHellos(InitialSide client, InitialSide server, QuicCounters counters) {
        this.client = client;
        this.server = server;
        this.counters = counters;
    }

    /** Reads the ClientHellos the client's stream completed, {@code now} the time of the datagram. */
    void readClientHellos(long now) {
        CryptoStreamAssembler stream = client.crypto();
        while (client.streamOpen()) {
            int state = stream.state();
            if (state == CryptoStreamAssembler.NEED_MORE) {
                return;
            }
            if (state != CryptoStreamAssembler.COMPLETE) {
                QuicOutcome why = unreadable(state, QuicOutcome.CRYPTO_NOT_CLIENT_HELLO);
                counters.count(why);
                stopClient(why, problem(stream, state, "ClientHello"));
                return;
            }
            TlsParse<ClientHello> hello = ClientHello.parse(stream.buffer(), HandshakeLayout.HEADER_LENGTH,
                    stream.messageBodyLength());
            clientHellos++;
            lastNanos = now;
            if (hello.isParsed()) {
                counters.count(QuicOutcome.CLIENT_HELLO);
                firstClientHello = firstClientHello == null ? hello.value() : firstClientHello;
            } else {
                counters.count(QuicOutcome.CLIENT_HELLO_MALFORMED);
                if (firstClientHello == null) {
                    stopClient(QuicOutcome.CLIENT_HELLO_MALFORMED, hello.reason());
                    return;
                }
                anomalies.add(TlsAnomaly.MALFORMED_CLIENT_HELLO);
            }
            if (clientHellos == MAX_CLIENT_HELLOS) {
                client.closeStream();
            } else {
                stream.next();
            }
        }
    }

    /** Reads the ServerHellos the server's stream completed, {@code now} the time of the datagram. */
    void readServerHellos(long now) {
        CryptoStreamAssembler stream = server.crypto();
        while (server.streamOpen()) {
            int state = stream.state();
            if (state == CryptoStreamAssembler.NEED_MORE) {
                return;
            }
            if (state != CryptoStreamAssembler.COMPLETE) {
                stopServerSide(unreadable(state, QuicOutcome.CRYPTO_NOT_SERVER_HELLO),
                        problem(stream, state, "ServerHello"));
                return;
            }
            TlsParse<ServerHello> parsed = ServerHello.parse(stream.buffer(), HandshakeLayout.HEADER_LENGTH,
                    stream.messageBodyLength());
            serverHellos++;
            lastNanos = now;
            if (!parsed.isParsed()) {
                anomalies.add(TlsAnomaly.MALFORMED_SERVER_HELLO);
                stopServerSide(QuicOutcome.SERVER_HELLO_MALFORMED, parsed.reason());
                return;
            }
            ServerHello hello = parsed.value();
            if (!hello.isHelloRetryRequest()) {
                counters.count(QuicOutcome.SERVER_HELLO);
                serverHello = hello;
                server.closeStream();
                return;
            }
            if (helloRetryRequest) {
                stopServerSide(QuicOutcome.SERVER_HELLO_MALFORMED, "a second HelloRetryRequest");
                return;
            }
            counters.count(QuicOutcome.HELLO_RETRY_REQUEST);
            helloRetryRequest = true;
            stream.next();
        }
    }

    /** No ServerHello will be read, for the reason given (counted here); the first reason is kept. */
    void stopServerSide(QuicOutcome why, String detail) {
        counters.count(why);
        server.closeStream();
        if (serverStopped == null) {
            serverStopped = why;
            serverStoppedDetail = detail;
        }
    }

    /** Why a stream whose current message will never complete cannot be read. */
    private static QuicOutcome unreadable(int state, QuicOutcome notAHello) {
        return state == CryptoStreamAssembler.UNEXPECTED_TYPE ? notAHello : QuicOutcome.CRYPTO_OVER_BOUND;
    }

    private void stopClient(QuicOutcome why, String detail) {
        client.closeStream();
        if (clientStopped == null) {
            clientStopped = why;
            clientStoppedDetail = detail;
        }
    }

    private static String problem(CryptoStreamAssembler stream, int state, String what) {
        return state == CryptoStreamAssembler.UNEXPECTED_TYPE
                ? "handshake type " + stream.messageTypeFound() + " at CRYPTO offset " + stream.messageOffset()
                : what + " of " + stream.messageBodyLength() + " bytes";
    }

    /** The handshake as read, around the client's first hello as the QUIC layer describes it. */
    QuicHandshake handshake(QuicClientHello client) {
        return new QuicHandshake(client, serverHello, clientHellos, serverHellos, helloRetryRequest, lastNanos,
                anomalies);
    }

    /** The first ClientHello, once read and parsed. */
    ClientHello firstClientHello() {
        return firstClientHello;
    }

    /** The real ServerHello, once read. */
    ServerHello serverHello() {
        return serverHello;
    }

    /** Why the client's stream stopped being read, or null. */
    QuicOutcome clientStopped() {
        return clientStopped;
    }

    String clientStoppedDetail() {
        return clientStoppedDetail;
    }

    /** Why no ServerHello will be read, or null. */
    QuicOutcome serverStopped() {
        return serverStopped;
    }

    String serverStoppedDetail() {
        return serverStoppedDetail;
    }
}
