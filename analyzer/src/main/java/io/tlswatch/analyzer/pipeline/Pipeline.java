package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.AnalyzerStats;
import io.tlswatch.analyzer.flow.ReassemblyCounters;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.quic.QuicCounters;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.capture.PacketRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The analyzer's threads: the caller's thread reads and shards packets ({@link ReaderStage}), N
 * {@link FlowWorker}s own the flows of their shards, and one {@link SinkStage} judges and writes
 * the sessions in an order that does not depend on N. Rings between them: one single-producer
 * byte ring per worker (Agrona {@code OneToOneRingBuffer} over direct memory: the packet is copied
 * into the ring and out into the worker's own buffer), and one many-to-one queue of finished
 * sessions to the sink.
 *
 * <pre>
 *   reader ──ring──▶ worker 0 ──┐
 *          ──ring──▶ worker 1 ──┼──queue──▶ sink ──▶ documents
 *          ──ring──▶ worker N ──┘
 * </pre>
 */
public final class Pipeline {
    /** Bytes of each worker's ring (a power of two; the largest record is an eighth of it). */
    static final int RING_BYTES = 8 << 20;
    /** Finished sessions that can wait for the sink. */
    static final int SESSION_QUEUE = 1 << 16;

    private final ReaderStage reader;
    private final List<FlowWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final SinkStage sink;
    private final DocumentEmitter emitter;
    private final SessionCounters sessionCounters = new SessionCounters();
    private final Prevalence prevalence = new Prevalence();
    private final VerdictEngine verdicts;
    private final PipelineFailure failure = new PipelineFailure();
    private boolean finished;
    private final Thread readerThread = Thread.currentThread();
    private final long readerCpuAtStart = StageCpuTimes.currentThread();
    private long readerCpuNanos = -1;

    public Pipeline(AnalyzerConfig config, VerdictEngine verdicts, DocumentSink documents) {
        this(config, verdicts, documents, ClientPrivacy.NONE);
    }

    /** A pipeline that writes documents as {@code privacy} allows (pseudonymised clients, fewer names). */
    public Pipeline(AnalyzerConfig config, VerdictEngine verdicts, DocumentSink documents, ClientPrivacy privacy) {
        this.verdicts = verdicts;
        int n = Math.max(1, config.workers());
        ManyToOneConcurrentArrayQueue<TlsSession> sessions = new ManyToOneConcurrentArrayQueue<>(SESSION_QUEUE);
        OneToOneRingBuffer[] rings = new OneToOneRingBuffer[n];
        for (int i = 0; i < n; i++) {
            // Direct memory: Agrona does not trust a heap array's alignment for the ring's atomic
            // counters (and says so on stderr). The worker copies each packet out (see FlowWorker).
            rings[i] = new OneToOneRingBuffer(new UnsafeBuffer(
                    ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
            workers.add(new FlowWorker(config, rings[i], sessions, verdicts.newChainJudge(), failure));
        }
        this.reader = new ReaderStage(rings, failure);
        this.emitter = new DocumentEmitter(documents, config.sensor(), sessionCounters, verdicts, prevalence, privacy);
        this.sink = new SinkStage(workers, sessions, emitter, failure);
        for (int i = 0; i < n; i++) {
            threads.add(new Thread(workers.get(i), "tlswatch-worker-" + i));
        }
        threads.add(new Thread(sink, "tlswatch-sink"));
        threads.forEach(Thread::start);
    }

    /** One packet, on the reading thread. */
    public void onPacket(PacketRecord packet) {
        reader.onPacket(packet);
    }

    /** One packet from a live capture, on the reading thread: false if its worker was full and it was dropped. */
    public boolean offer(PacketRecord packet) {
        return reader.offer(packet);
    }

    /** Wall-clock time passes on the reading thread without packets: idle flows expire. */
    public void advanceClock(long nowNanos) {
        reader.advanceClock(nowNanos);
    }

    /** Ends the input, waits for every stage to finish and every document to be written. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!failure.failed()) {
            reader.end();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
            }
        }
        if (Thread.currentThread() == readerThread && readerCpuAtStart >= 0) {
            readerCpuNanos = StageCpuTimes.currentThread() - readerCpuAtStart;
        }
        failure.rethrow();
    }

    /** CPU time per stage (complete after {@link #finish()}, on the thread that fed the packets). */
    public StageCpuTimes cpuTimes() {
        long workerNanos = 0;
        for (FlowWorker w : workers) {
            workerNanos = w.cpuNanos() < 0 || workerNanos < 0 ? -1 : workerNanos + w.cpuNanos();
        }
        return new StageCpuTimes(readerCpuNanos, workerNanos, sink.cpuNanos());
    }

    /** Every stage's counters, merged (complete after {@link #finish()}). */
    public AnalyzerStats stats() {
        ReassemblyCounters reassembly = new ReassemblyCounters();
        TlsAnomalyCounters anomalies = new TlsAnomalyCounters();
        QuicCounters quic = new QuicCounters();
        long tcpFlows = 0, expired = 0, evicted = 0, tls = 0, notTls = 0, empty = 0, midstream = 0, poolExhausted = 0;
        long certHits = 0, certMisses = 0, certErrors = 0, udpFlows = 0, quicFlows = 0, quicHellos = 0, notQuic = 0;
        long internalErrors = 0, parsersExhausted = 0;
        for (FlowWorker w : workers) {
            reassembly.add(w.tcpResources.reassembly());
            anomalies.add(w.tcpResources.tlsAnomalies());
            quic.add(w.udp.quicCounters());
            tcpFlows += w.tcp.table().flowsCreated();
            expired += w.tcp.table().expiredIdle();
            evicted += w.tcp.table().evictedTableFull();
            tls += w.tcp.tlsFlows();
            notTls += w.tcp.notTlsFlows();
            empty += w.tcp.emptyFlows();
            midstream += w.tcp.midstreamPickups();
            poolExhausted += w.tcpResources.pool().exhausted();
            certHits += w.certificates.hits();
            certMisses += w.certificates.misses();
            certErrors += w.certificates.parseErrors();
            udpFlows += w.udp.table().flowsCreated();
            quicFlows += w.udp.quicFlows();
            quicHellos += w.udp.quicHellos();
            notQuic += w.udp.notQuicFlows();
            internalErrors += w.internalErrors();
            parsersExhausted += w.tcpResources.parsersExhausted();
        }
        return new AnalyzerStats(reader.decodeCounters(), sessionCounters, reassembly, anomalies, tcpFlows, expired,
                evicted, tls, notTls, empty, midstream, poolExhausted, certHits, certMisses, certErrors,
                verdicts.chainCacheHits(), verdicts.chainCacheMisses(), udpFlows, quicFlows, quicHellos, notQuic, quic,
                workers.size(), internalErrors + emitter.judgeErrors(), reader.ringFullWaits(), parsersExhausted);
    }

    public Prevalence prevalence() {
        return prevalence;
    }
}
