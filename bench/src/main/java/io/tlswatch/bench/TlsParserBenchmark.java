package io.tlswatch.bench;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsEventListener;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The TLS parser, once per handshake: Chrome 125's ClientHello (1,747 bytes, GREASE, ECH, a Kyber
 * key share) parsed from its message body, and the same client stream and a TLS 1.0 server flight
 * with a certificate chain and a stapled OCSP response (7,001 bytes in one record) fed through a
 * fresh {@link TlsStreamDecoder}: record framing, handshake reassembly, every message parsed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TlsParserBenchmark {
    private static final TlsEventListener IGNORE = new TlsEventListener() { };

    private byte[] chromeClient;
    private int helloOffset;
    private int helloLength;
    private byte[] ocspServer;
    private TlsStreamDecoder clientDecoder;
    private TlsStreamDecoder serverDecoder;

    @Setup
    public void setUp() {
        chromeClient = BenchVectors.stream("chrome125-client");
        helloOffset = TlsRecordLayout.HEADER_LENGTH + HandshakeLayout.HEADER_LENGTH;
        helloLength = (chromeClient[helloOffset - 3] & 0xff) << 16 | (chromeClient[helloOffset - 2] & 0xff) << 8
                | chromeClient[helloOffset - 1] & 0xff;
        ocspServer = BenchVectors.stream("ocsp-server");
        clientDecoder = new TlsStreamDecoder(true, TlsLimits.DEFAULT, IGNORE);
        serverDecoder = new TlsStreamDecoder(false, TlsLimits.DEFAULT, IGNORE);
        if (!parseChromeClientHello().isParsed()) {
            throw new IllegalStateException("the Chrome 125 ClientHello did not parse: " + parseChromeClientHello());
        }
    }

    @Benchmark
    public TlsParse<ClientHello> parseChromeClientHello() {
        return ClientHello.parse(chromeClient, helloOffset, helloLength);
    }

    @Benchmark
    public long feedChromeClientStream() {
        clientDecoder.reset();
        return clientDecoder.feed(chromeClient, 0, chromeClient.length);
    }

    @Benchmark
    public long feedServerFlightWithChainAndOcsp() {
        serverDecoder.reset();
        return serverDecoder.feed(ocspServer, 0, ocspServer.length);
    }
}
