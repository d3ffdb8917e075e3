package io.tlswatch.analyzer.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionAssembler;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.synth.Tls12Messages;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;
import io.tlswatch.analyzer.tls.Vectors;
import io.tlswatch.analyzer.x509.CertificateCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A TLS handshake as a sensor sees it: the records of both directions, flight by flight, put
 * through the analyzer's own {@link TlsStreamDecoder}s into a {@link SessionAssembler}, which makes
 * the {@link TlsSession} the {@link VerdictEngine} judges in a real run. Either written here (a
 * TLS 1.2 handshake with a chain of the test's own, see {@link Tls12Messages}) or replayed from a
 * real capture's streams.
 */
final class ObservedHandshake {
    /** Client 192.0.2.10:50000 to server 198.51.100.7:443 (RFC 5737 addresses), IPv4-mapped as the decoder gives them. */
    private static final FlowEndpoints ENDPOINTS = new FlowEndpoints(0, 0xffff_c000_020aL, 50000, 0, 0xffff_c633_6407L, 443, 6, 0, 0);
    /** The server's random: a fixed filler. */
    private static final byte[] SERVER_RANDOM = filler(32, 0x5e);
    /** The client's ECDHE key share: an uncompressed P-256 point (RFC 8422 section 5.4.1). */
    private static final byte[] CLIENT_POINT = uncompressedPoint();

    /** What the client did once it had seen the server's certificate. */
    enum Client {
        /** Finished the handshake and sent application data: it accepted the chain. */
        ACCEPTS,
        /** Sent a fatal bad_certificate alert: it rejected the chain. */
        REJECTS,
        /** Nothing more was captured: whether it accepted is unknown. */
        UNSEEN
    }

    /** Bytes one side sent in one go. */
    record Flight(boolean fromClient, byte[] bytes) {
    }

    private final byte[] clientHello;
    private Instant at = TestPki.CAPTURE;
    private List<byte[]> chain = List.of();
    private final List<TlsExtension> serverHelloExtensions = new ArrayList<>();
    private byte[] ocspResponse;
    private Client client = Client.ACCEPTS;

    private ObservedHandshake(byte[] clientHello) {
        this.clientHello = clientHello;
    }

    /** A full TLS 1.2 handshake that starts with this ClientHello message; the client accepts by default. */
    static ObservedHandshake tls12(byte[] clientHello) {
        return new ObservedHandshake(clientHello);
    }

    /** When the handshake starts (default {@link TestPki#CAPTURE}). */
    ObservedHandshake at(Instant time) {
        this.at = time;
        return this;
    }

    /** The server's Certificate message, leaf first. */
    ObservedHandshake chain(TestPki.Issued... certificates) {
        return chain(TestPki.chain(certificates));
    }

    ObservedHandshake chain(List<byte[]> ders) {
        this.chain = List.copyOf(ders);
        return this;
    }

    /** SCTs delivered in the ServerHello's signed_certificate_timestamp extension (RFC 6962 section 3.3.1). */
    ObservedHandshake sctsInServerHello() {
        serverHelloExtensions.add(new TlsExtension(Tls12Messages.SIGNED_CERTIFICATE_TIMESTAMP, TestPki.sctList()));
        return this;
    }

    /** A stapled OCSP response after the certificate (RFC 6066 section 8). */
    ObservedHandshake ocspStapled(byte[] response) {
        this.ocspResponse = response;
        return this;
    }

    ObservedHandshake client(Client reaction) {
        this.client = reaction;
        return this;
    }

    /** The session the analyzer assembles from this handshake. */
    TlsSession session() {
        SplittableRandom random = new SplittableRandom(1);
        List<Flight> flights = new ArrayList<>();
        flights.add(new Flight(true, Tls12Messages.record(TlsRecordLayout.HANDSHAKE, clientHello)));
        List<byte[]> serverFlight = new ArrayList<>();
        serverFlight.add(serverHello(serverHelloExtensions));
        serverFlight.add(Tls12Messages.certificate(chain));
        if (ocspResponse != null) {
            serverFlight.add(Tls12Messages.certificateStatus(ocspResponse));
        }
        serverFlight.add(Tls12Messages.serverHelloDone());
        flights.add(new Flight(false, Tls12Messages.handshakeRecords(serverFlight.toArray(byte[][]::new))));
        switch (client) {
            case ACCEPTS -> {
                flights.add(new Flight(true, TlsBytes.concat(Tls12Messages.handshakeRecords(Tls12Messages.clientKeyExchange(CLIENT_POINT)),
                        Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random))));
                flights.add(new Flight(false, TlsBytes.concat(Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random))));
                flights.add(new Flight(true, Tls12Messages.applicationData(random, 517)));
            }
            case REJECTS -> flights.add(new Flight(true, Tls12Messages.alert(Tls12Messages.FATAL, Tls12Messages.BAD_CERTIFICATE)));
            case UNSEEN -> { }
        }
        return observe(at, flights);
    }

    /**
     * An abbreviated TLS 1.2 handshake (RFC 5246 section 7.3, figure 2): the server resumes a
     * session, so no certificate is sent, and the client goes on to application data.
     */
    static TlsSession resumedTls12(byte[] clientHello, Instant at) {
        SplittableRandom random = new SplittableRandom(2);
        return observe(at, List.of(
                new Flight(true, Tls12Messages.record(TlsRecordLayout.HANDSHAKE, clientHello)),
                new Flight(false, TlsBytes.concat(Tls12Messages.handshakeRecords(serverHello(List.of())),
                        Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random))),
                new Flight(true, TlsBytes.concat(Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random),
                        Tls12Messages.applicationData(random, 517)))));
    }

    /** The server's ServerHello: TLS 1.2, no session id, ECDHE-RSA with AES-128-GCM (as Firefox 42 offers it). */
    private static byte[] serverHello(List<TlsExtension> extensions) {
        return Tls12Messages.serverHello(SERVER_RANDOM, new byte[0], Tls12Messages.ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                extensions);
    }

    private static byte[] uncompressedPoint() {
        byte[] point = filler(65, 0xec);
        point[0] = 4;
        return point;
    }

    private static byte[] filler(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /**
     * A real connection's two streams (the annotated tls/streams resources, cut from corpus
     * captures with tshark's follow): the client's first record (its ClientHello), then all the
     * server sent, then the rest of the client's stream, as in a handshake of one round trip.
     */
    static TlsSession replay(String clientStream, String serverStream, Instant at) {
        byte[] client = Vectors.stream(clientStream);
        int firstRecordEnd = TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(client, 0);
        return observe(at, List.of(
                new Flight(true, Arrays.copyOfRange(client, 0, firstRecordEnd)),
                new Flight(false, Vectors.stream(serverStream)),
                new Flight(true, Arrays.copyOfRange(client, firstRecordEnd, client.length))));
    }

    /**
     * The flights through the decoders, {@code at} the first and a millisecond apart, then the end
     * of the capture: the one session they make. Fails the test if the bytes make anything else
     * (no session, two, or a TLS anomaly).
     */
    static TlsSession observe(Instant at, List<Flight> flights) {
        List<TlsSession> finished = new ArrayList<>();
        SessionAssembler assembler = new SessionAssembler(new CertificateCache(64), new TlsAnomalyCounters(),
                finished::add, () -> ENDPOINTS);
        TlsStreamDecoder fromClient = new TlsStreamDecoder(true, TlsLimits.DEFAULT, assembler);
        TlsStreamDecoder fromServer = new TlsStreamDecoder(false, TlsLimits.DEFAULT, assembler);
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        for (Flight flight : flights) {
            assembler.setTime(nanos, nanos);
            nanos += 1_000_000L;
            long consumed = (flight.fromClient() ? fromClient : fromServer).feed(flight.bytes(), 0, flight.bytes().length);
            assertTrue(consumed >= flight.bytes().length, "the decoder left part of a whole flight: " + consumed);
        }
        assembler.endOfFlow(TlsSession.End.END_OF_INPUT);
        assertEquals(1, finished.size(), "sessions made: " + finished.size());
        TlsSession session = finished.get(0);
        assertEquals(List.of(), session.anomalies(), "the handshake's bytes are well-formed");
        return session;
    }
}
