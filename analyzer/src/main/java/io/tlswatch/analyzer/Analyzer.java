package io.tlswatch.analyzer;

import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.pipeline.Pipeline;
import io.tlswatch.analyzer.pipeline.StageCpuTimes;
import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.replay.PacketSink;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import io.tlswatch.capture.PacketRecord;
import java.time.ZoneOffset;

/**
 * The analyzer for one stream of packets: decodes each packet, follows TCP and UDP connections
 * into their TLS and QUIC handshakes, judges each session, and writes a session document per
 * handshake and a certificate document per distinct certificate to the sink. Packets are sharded
 * over {@link AnalyzerConfig#workers()} threads by flow ({@link Pipeline}); the documents come out
 * in the same order whatever that number. {@link #onPacket} is called by one thread; the sink is
 * called on the pipeline's sink thread, and everything it was given is written when
 * {@link #finish()} returns.
 */
public final class Analyzer implements PacketSink {
    private final Pipeline pipeline;

    /** An analyzer with the default judge: Mozilla's roots and the shipped interceptor catalogue. */
    public Analyzer(AnalyzerConfig config, DocumentSink sink) {
        this(config, VerdictEngine.builder(TrustStore.mozillaSnapshot(), InterceptorCatalogue.shipped())
                .trustStoreDate(TrustStore.mozillaSnapshotDate().atStartOfDay(ZoneOffset.UTC).toInstant()).build(), sink);
    }

    public Analyzer(AnalyzerConfig config, VerdictEngine verdicts, DocumentSink sink) {
        this(config, verdicts, sink, ClientPrivacy.NONE);
    }

    /** An analyzer whose documents and prevalence see clients only as {@code privacy} allows. */
    public Analyzer(AnalyzerConfig config, VerdictEngine verdicts, DocumentSink sink, ClientPrivacy privacy) {
        this.pipeline = new Pipeline(config, verdicts, sink, privacy);
    }

    @Override
    public void onPacket(PacketRecord packet) {
        pipeline.onPacket(packet);
    }

    /**
     * A packet from a live capture: as {@link #onPacket}, but when the worker that owns its flow
     * is full the packet is dropped rather than waited for (the wire does not wait).
     *
     * @return false if the packet was dropped; the caller counts it
     */
    public boolean offer(PacketRecord packet) {
        return pipeline.offer(packet);
    }

    /**
     * Time passes without packets (a live capture's wall clock, ns since the epoch; on the thread
     * that calls {@link #onPacket}): flows idle for longer than the timeout are finished and their
     * sessions written, even on a quiet link. The clock never goes back.
     */
    public void advanceClock(long nowNanos) {
        pipeline.advanceClock(nowNanos);
    }

    /** Finishes every open flow (their sessions are written), stops the threads, flushes the sink. */
    public void finish() {
        pipeline.finish();
    }

    /** The counters of every stage (complete after {@link #finish()}). */
    public AnalyzerStats stats() {
        return pipeline.stats();
    }

    /** CPU time each stage spent (complete after {@link #finish()}). */
    public StageCpuTimes cpuTimes() {
        return pipeline.cpuTimes();
    }

    /** Sessions, clients and server names per verdict and interceptor (complete after {@link #finish()}). */
    public Prevalence prevalence() {
        return pipeline.prevalence();
    }
}
