package io.tlswatch.analyzer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja3s;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.flow.BufferPool;
import io.tlswatch.analyzer.flow.ReassemblyCounters;
import io.tlswatch.analyzer.flow.StreamReassembler;
import io.tlswatch.analyzer.quic.QuicCounters;
import io.tlswatch.analyzer.quic.QuicInitialDecoder;
import io.tlswatch.analyzer.quic.QuicInitialTracker;
import io.tlswatch.analyzer.quic.QuicPacketWriter;
import io.tlswatch.analyzer.tls.CertificateMessage;
import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsEventListener;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;
import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.analyzer.x509.trust.ChainValidator;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz targets for everything in the analyzer that reads wire bytes: TCP
 * reassembly (one direction fed arbitrary segments), the TLS stream decoder, the ClientHello,
 * ServerHello and Certificate parsers (with the fingerprints taken from what they parse), the QUIC
 * Initial tracker (datagrams in the clear, and fuzzed frames inside properly protected Initials so
 * the fuzzer reaches past decryption), the certificate parser and chain validation.
 *
 * <p>Invariants: no exception leaves a target; a parse either gives a value or names its error;
 * allocation stays within {@link AllocationBound}s that depend on the bytes given and the
 * configured limits, never on what a length field claims; the reassembler holds no more than its
 * window and its pool no more than its budget.
 *
 * <p>Seeds and findings live under {@code AnalyzerFuzzTestInputs/<target>/} in the test resources
 * (sources in the README there) and run in every build; {@code JAZZER_FUZZ=1} fuzzes one target,
 * {@link #anyTarget} all of them in one run ({@code mvn verify} does that for a few seconds,
 * {@code deploy/bench/fuzz.sh} each target for longer).
 */
class AnalyzerFuzzTest {
    private static final int WINDOW = 64 * 1024;
    private static final long POOL_BUDGET = 4L * WINDOW;
    private static final int MAX_RANGES = 16;
    /** Connection IDs of the fuzzed QUIC connection. */
    private static final byte[] DCID = {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77};
    private static final byte[] SCID = {(byte) 0xc1, (byte) 0xc2, (byte) 0xc3, (byte) 0xc4};
    private static final int[] QUIC_VERSIONS = {0x00000001, 0x6b3343cf, 0xff00001d, 0xfaceb002};
    private static final int MAX_CHAIN = 12;
    /** The store is read once; validation of a chain against it is what is fuzzed. */
    private static final ChainValidator VALIDATOR = new ChainValidator(TrustStore.mozillaSnapshot());
    private static final QuicPacketWriter QUIC = new QuicPacketWriter();
    private static final TlsEventListener IGNORE_EVENTS = new TlsEventListener() {
    };

    /** One direction of a TCP connection: segments at fuzzed places, a consumer that takes or skips. */
    @FuzzTest
    void tcpReassembly(FuzzedDataProvider data) {
        long isn = data.consumeInt() & 0xffff_ffffL;
        boolean syn = data.consumeBoolean();
        List<byte[]> payloads = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<Long> takes = new ArrayList<>();
        while (data.remainingBytes() > 0) {
            seqs.add((isn + data.consumeInt(-WINDOW, 4 * WINDOW)) & 0xffff_ffffL);
            takes.add(data.consumeLong(-1, 2L * WINDOW));
            payloads.add(data.consumeBytes(data.consumeInt(0, 1600)));
        }
        int total = payloads.stream().mapToInt(p -> p.length).sum();
        AllocationBound.within(2L * WINDOW + AllocationBound.proportional(total), () -> {
            BufferPool pool = new BufferPool(WINDOW, POOL_BUDGET);
            StreamReassembler stream = new StreamReassembler(pool, new ReassemblyCounters(), WINDOW, MAX_RANGES);
            if (syn) {
                stream.onSyn(isn);
            }
            long before = stream.streamOffset();
            for (int i = 0; i < payloads.size(); i++) {
                long take = takes.get(i);
                byte[] payload = payloads.get(i);
                stream.onSegment(seqs.get(i), payload, 0, payload.length, (buf, off, len) -> {
                    assertTrue(off >= 0 && len >= 0 && off + (long) len <= buf.length, "a slice outside its buffer");
                    return take < 0 ? len : Math.min(take, len + 2L * WINDOW);
                });
                assertTrue(stream.bufferedBytes() <= WINDOW, () -> "holds " + stream.bufferedBytes());
                assertTrue(pool.bytesInUse() <= POOL_BUDGET, () -> "pool holds " + pool.bytesInUse());
                assertTrue(stream.streamOffset() >= before, "the stream went backwards");
                before = stream.streamOffset();
            }
            stream.reset();
            assertEquals(0, pool.bytesInUse(), "a reset stream keeps no buffer");
        });
    }

    /** One direction's stream bytes through the TLS decoder, cut at fuzzed places, skips honoured. */
    @FuzzTest
    void tlsStream(FuzzedDataProvider data) {
        boolean fromClient = data.consumeBoolean();
        int[] cuts = new int[data.consumeInt(1, 8)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(1, 5000);
        }
        byte[] stream = data.consumeRemainingAsBytes();
        AllocationBound.within(AllocationBound.proportional(stream.length), () -> {
            TlsStreamDecoder decoder = new TlsStreamDecoder(fromClient, TlsLimits.DEFAULT, IGNORE_EVENTS);
            long consumed = 0;
            int arrived = 0;
            for (int i = 0; arrived < stream.length && consumed < stream.length; i++) {
                arrived = (int) Math.min(stream.length, Math.max(consumed, arrived) + cuts[i % cuts.length]);
                long took = decoder.feed(stream, (int) consumed, arrived - (int) consumed);
                assertTrue(took >= 0, () -> "consumed " + took);
                consumed += took;
            }
            assertNotNull(decoder.state());
        });
    }

    /** A ClientHello body (also read as an SSL 2.0 one) and its JA3 and JA4. */
    @FuzzTest
    void clientHello(byte[] body) {
        AllocationBound.within(AllocationBound.proportional(body.length), () -> {
            for (TlsParse<ClientHello> parse : List.of(ClientHello.parse(body, 0, body.length),
                    ClientHello.parseSslV2(body, 0, body.length))) {
                if (named(parse)) {
                    ClientHello hello = parse.value();
                    assertNotNull(hello.toString());
                    Ja3.of(hello);
                    assertNotNull(Ja4.of(hello, Ja4Transport.TCP));
                    assertNotNull(Ja4.of(hello, Ja4Transport.QUIC));
                }
            }
        });
    }

    /** A ServerHello body and its JA3S. */
    @FuzzTest
    void serverHello(byte[] body) {
        AllocationBound.within(AllocationBound.proportional(body.length), () -> {
            TlsParse<ServerHello> parse = ServerHello.parse(body, 0, body.length);
            if (named(parse)) {
                assertNotNull(parse.value().toString());
                assertNotNull(Ja3s.of(parse.value()));
            }
        });
    }

    /** A Certificate message body in the TLS 1.2 and the TLS 1.3 layout. */
    @FuzzTest
    void certificateMessage(byte[] body) {
        AllocationBound.within(AllocationBound.proportional(body.length), () -> {
            for (TlsParse<CertificateMessage> parse : List.of(CertificateMessage.parse(body, 0, body.length),
                    CertificateMessage.parseTls13(body, 0, body.length))) {
                if (named(parse)) {
                    CertificateMessage message = parse.value();
                    long total = 0;
                    for (int i = 0; i < message.size(); i++) {
                        total += message.certificate(i).length;
                    }
                    assertTrue(total <= body.length, "certificates longer than their message");
                }
            }
        });
    }

    /**
     * A QUIC connection's datagrams: each is either fuzzed bytes as they are, or fuzzed frames in a
     * client or server Initial protected with the keys of the connection's first DCID.
     */
    @FuzzTest
    void quicInitial(FuzzedDataProvider data) {
        int version = data.pickValue(QUIC_VERSIONS);
        List<byte[]> datagrams = new ArrayList<>();
        List<Boolean> fromServer = new ArrayList<>();
        for (long packetNumber = 0; data.remainingBytes() > 0; packetNumber++) {
            int kind = data.consumeInt(0, 2);
            byte[] frames = data.consumeBytes(data.consumeInt(0, 1400));
            datagrams.add(switch (kind) {
                case 0 -> frames;
                case 1 -> QUIC.clientInitial(version, DCID, SCID, new byte[0], packetNumber, 2, padded(frames));
                default -> QUIC.serverInitial(version, DCID, SCID, DCID, packetNumber, 2, padded(frames));
            });
            fromServer.add(kind == 2);
        }
        int total = datagrams.stream().mapToInt(d -> d.length).sum();
        AllocationBound.within(AllocationBound.proportional(total), () -> {
            QuicInitialTracker tracker = new QuicInitialTracker(new QuicInitialDecoder(), new QuicCounters());
            for (int i = 0; i < datagrams.size(); i++) {
                byte[] datagram = datagrams.get(i);
                long now = 1_000L * (i + 1);
                if (fromServer.get(i)) {
                    tracker.feedFromServer(datagram, 0, datagram.length, now);
                } else {
                    tracker.feedFromClient(datagram, 0, datagram.length, now);
                }
                assertNotNull(tracker.state());
            }
            tracker.endOfFlow();
        });
    }

    /** A DER certificate. */
    @FuzzTest
    void certificate(byte[] der) {
        CertificateInfo info = CertificateParser.parse(der);
        assertNotNull(info);
    }

    /** A chain as sent (fuzzed lengths cut the bytes into certificates) validated at a fuzzed time. */
    @FuzzTest
    void chainValidation(FuzzedDataProvider data) {
        Instant when = Instant.ofEpochSecond(data.consumeLong(0, 4_102_444_800L));
        String serverName = data.consumeString(64);
        List<byte[]> chain = new ArrayList<>();
        while (data.remainingBytes() > 0 && chain.size() < MAX_CHAIN) {
            chain.add(data.consumeBytes(data.consumeInt(0, 4096)));
        }
        ChainVerdict verdict = VALIDATOR.validate(chain, serverName, when);
        assertNotNull(verdict);
    }

    /** One run over every target: the last byte of the input picks the target. */
    @FuzzTest
    void anyTarget(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 7)) {
            case 0 -> tcpReassembly(data);
            case 1 -> tlsStream(data);
            case 2 -> clientHello(data.consumeRemainingAsBytes());
            case 3 -> serverHello(data.consumeRemainingAsBytes());
            case 4 -> certificateMessage(data.consumeRemainingAsBytes());
            case 5 -> quicInitial(data);
            case 6 -> certificate(data.consumeRemainingAsBytes());
            default -> chainValidation(data);
        }
    }

    /** Whether a parse gave a value; if not, it must name its error. */
    private static boolean named(TlsParse<?> parse) {
        if (parse.isParsed()) {
            return true;
        }
        assertNotNull(parse.error(), "a failed parse without its error");
        return false;
    }

    /** Frames padded so their Initial fills the 1200-byte datagram that carries a client Initial. */
    private static byte[] padded(byte[] frames) {
        int pad = Math.max(0, QuicInitialTracker.MIN_INITIAL_DATAGRAM - 64 - frames.length);
        return QuicPacketWriter.concat(frames, QuicPacketWriter.padding(pad));
    }
}
