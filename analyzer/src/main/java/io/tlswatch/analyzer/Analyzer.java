package io.tlswatch.analyzer;

import io.tlswatch.analyzer.flow.TcpFlowResources;
import io.tlswatch.analyzer.flow.TcpTracker;
import io.tlswatch.analyzer.flow.UdpTracker;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.PacketSink;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import io.tlswatch.analyzer.x509.CertificateCache;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeCounters;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import java.io.IOException;
import java.time.ZoneOffset;
import java.io.UncheckedIOException;

/**
 * The analyzer for one stream of packets: decodes each packet, follows TCP connections into their
 * TLS handshakes, and emits a session document per handshake and a certificate document per
 * distinct certificate to the sink. Single-threaded; allocation-free per packet except where a
 * handshake yields values (hellos, certificates, sessions).
 */
public final class Analyzer implements PacketSink {
    private final DocumentSink sink;
    private final StandardPacketDecoder decoder = new StandardPacketDecoder();
    private final DecodedPacket decoded = new DecodedPacket();
    private final DecodeCounters decodeCounters = new DecodeCounters();
    private final SessionCounters sessionCounters = new SessionCounters();
    private final CertificateCache certificates;
    private final VerdictEngine verdicts;
    private final Prevalence prevalence = new Prevalence();
    private final TcpFlowResources tcpResources;
    private final TcpTracker tcp;
    private final UdpTracker udp;

    /** An analyzer with the default judge: Mozilla's roots and the shipped interceptor catalogue. */
    public Analyzer(AnalyzerConfig config, DocumentSink sink) {
        this(config, VerdictEngine.builder(TrustStore.mozillaSnapshot(), InterceptorCatalogue.shipped())
                .trustStoreDate(TrustStore.mozillaSnapshotDate().atStartOfDay(ZoneOffset.UTC).toInstant()).build(), sink);
    }

    public Analyzer(AnalyzerConfig config, VerdictEngine verdicts, DocumentSink sink) {
        this.sink = sink;
        this.verdicts = verdicts;
        this.certificates = new CertificateCache(config.certificateCacheSize());
        DocumentEmitter emitter = new DocumentEmitter(sink, config.sensor(), sessionCounters, verdicts, prevalence);
        TlsLimits limits = new TlsLimits(config.maxHandshakeBytes(), TlsLimits.DEFAULT.maxCertificateMessageBytes());
        this.tcpResources = new TcpFlowResources(config.windowBytes(), config.bufferMemoryBytes(), limits,
                certificates, emitter);
        this.tcp = new TcpTracker(config.maxFlows(), config.idleTimeoutSeconds() * 1_000_000_000L, tcpResources);
        this.udp = new UdpTracker(config.maxFlows(), config.idleTimeoutSeconds() * 1_000_000_000L, emitter);
    }

    @Override
    public void onPacket(PacketRecord packet) {
        DecodeOutcome outcome = decoder.decode(packet, decoded);
        decodeCounters.count(outcome);
        if (outcome == DecodeOutcome.TCP) {
            tcp.onPacket(packet, decoded);
        } else if (outcome == DecodeOutcome.UDP) {
            udp.onPacket(packet, decoded);
        }
    }

    /** Finishes every open flow (their sessions are emitted) and flushes the sink. */
    public void finish() {
        tcp.finish();
        udp.finish();
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    /** The counters as they stand (read on the analyzer's thread, or after it finished). */
    public AnalyzerStats stats() {
        return new AnalyzerStats(decodeCounters, sessionCounters, tcpResources.reassembly(),
                tcpResources.tlsAnomalies(), tcp.table().flowsCreated(), tcp.table().expiredIdle(),
                tcp.table().evictedTableFull(), tcp.tlsFlows(), tcp.notTlsFlows(), tcp.emptyFlows(), tcp.midstreamPickups(),
                tcpResources.pool().exhausted(), certificates.hits(), certificates.misses(),
                certificates.parseErrors(), verdicts.chainCacheHits(), verdicts.chainCacheMisses(),
                udp.table().flowsCreated(), udp.quicFlows(), udp.quicHellos(), udp.notQuicFlows(), udp.quicCounters());
    }

    /** Sessions, clients and server names per verdict and interceptor, so far. */
    public Prevalence prevalence() {
        return prevalence;
    }
}
