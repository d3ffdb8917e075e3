package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.flow.TcpFlowResources;
import io.tlswatch.analyzer.flow.TcpTracker;
import io.tlswatch.analyzer.flow.UdpTracker;
import io.tlswatch.analyzer.session.SessionListener;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.verdict.ChainJudge;
import io.tlswatch.analyzer.x509.CertificateCache;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * One worker: owns the flows of its shard outright (flow tables, reassembly buffers, TLS decoders,
 * a certificate cache), reads its packets from its own single-producer ring, and hands finished
 * sessions to the sink's queue. Nothing it holds is shared, so nothing it does per packet takes a
 * lock. A failure on one packet is counted and the
 * worker goes on (one bad packet never stops a stage).
 */
final class FlowWorker implements Runnable, MessageHandler, SessionListener {
    private static final int READ_LIMIT = 256;
    /** Connections whose handshake one worker reads at once (each borrows decoders and streams). */
    private static final int MAX_PARSERS = 65_536;

    private final OneToOneRingBuffer ring;
    private final ManyToOneConcurrentArrayQueue<TlsSession> sessions;
    private final ChainJudge chains;
    private final PipelineFailure failure;
    /**
     * Parks, no spinning: on two cores a spinning worker takes the reader's CPU, and the ring holds
     * milliseconds of packets, so waking a few hundred microseconds late costs nothing.
     */
    private final IdleStrategy idle = new BackoffIdleStrategy(1, 1, 20_000, 500_000);
    private final IdleStrategy offerIdle = new BackoffIdleStrategy();
    private final PacketRecord packet = new PacketRecord();
    /** The packet being handled, copied out of the ring (the decoders read byte arrays). */
    private byte[] bytes = new byte[1 << 16];
    private final StandardPacketDecoder decoder = new StandardPacketDecoder();
    private final DecodedPacket decoded = new DecodedPacket();
    final CertificateCache certificates;
    final TcpFlowResources tcpResources;
    final TcpTracker tcp;
    final UdpTracker udp;
    /** The clock of the last record fully handled: later sessions of this worker are ordered at or after it. */
    private final AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean done;
    private long internalErrors;
    private long emitted;
    private long cpuNanos = -1;
    private RuntimeException firstInternalError;

    FlowWorker(AnalyzerConfig config, OneToOneRingBuffer ring, ManyToOneConcurrentArrayQueue<TlsSession> sessions,
               ChainJudge chains, PipelineFailure failure) {
        this.ring = ring;
        this.chains = chains;
        this.sessions = sessions;
        this.failure = failure;
        this.certificates = new CertificateCache(config.certificateCacheSize());
        TlsLimits limits = new TlsLimits(config.maxHandshakeBytes(), TlsLimits.DEFAULT.maxCertificateMessageBytes());
        this.tcpResources = new TcpFlowResources(config.windowBytes(), config.bufferMemoryBytes(), limits,
                certificates, this, MAX_PARSERS);
        long idleNanos = config.idleTimeoutSeconds() * 1_000_000_000L;
        this.tcp = new TcpTracker(config.maxFlows(), idleNanos, tcpResources);
        this.udp = new UdpTracker(config.maxFlows(), idleNanos, this);
    }

    @Override
    public void run() {
        try {
            while (!done && !failure.failed()) {
                int read = ring.read(this, READ_LIMIT);
                if (read == 0) {
                    idle.idle();
                } else {
                    idle.reset();
                }
            }
        } finally {
            cpuNanos = StageCpuTimes.currentThread();
        }
    }

    /** CPU time this worker's thread spent, once it has ended (-1 if not measured). */
    long cpuNanos() {
        return cpuNanos;
    }

    @Override
    public void onMessage(int type, MutableDirectBuffer buffer, int index, int length) {
        long clock = buffer.getLong(index + PacketRecordLayout.CLOCK_OFFSET);
        switch (type) {
            case PacketRecordLayout.PACKET -> {
                // Both tables, whatever the packet's protocol: a flow's idle deadline must not fall
                // behind this worker's watermark, or its session would be ordered after later ones.
                tcp.expireIdle(clock);
                udp.expireIdle(clock);
                onPacket(buffer, index, length, clock);
            }
            case PacketRecordLayout.TICK -> {
                tcp.expireIdle(clock);
                udp.expireIdle(clock);
            }
            case PacketRecordLayout.END -> {
                tcp.finish();
                udp.finish();
                watermark.setRelease(Long.MAX_VALUE);
                done = true;
                return;
            }
            default -> throw new IllegalStateException("unknown record type " + type);
        }
        watermark.setRelease(clock);
    }

    private void onPacket(MutableDirectBuffer buffer, int index, int length, long clock) {
        int captured = length - PacketRecordLayout.HEADER_LENGTH;
        if (captured > bytes.length) {
            bytes = new byte[Integer.highestOneBit(captured) << 1];   // grows to the largest packet, once
        }
        buffer.getBytes(index + PacketRecordLayout.HEADER_LENGTH, bytes, 0, captured);
        packet.set(bytes, 0, captured,
                buffer.getInt(index + PacketRecordLayout.ORIGINAL_LENGTH_OFFSET),
                buffer.getLong(index + PacketRecordLayout.TIMESTAMP_OFFSET),
                buffer.getInt(index + PacketRecordLayout.LINK_TYPE_OFFSET),
                buffer.getInt(index + PacketRecordLayout.INTERFACE_OFFSET));
        try {
            DecodeOutcome outcome = decoder.decode(packet, decoded);
            if (outcome == DecodeOutcome.TCP) {
                tcp.onPacket(packet, decoded, clock);
            } else if (outcome == DecodeOutcome.UDP) {
                udp.onPacket(packet, decoded, clock);
            }
        } catch (RuntimeException bug) {
            noteInternalError(bug);
        }
    }

    private void noteInternalError(RuntimeException bug) {
        internalErrors++;
        if (firstInternalError == null) {
            firstInternalError = bug;
        }
    }

    /**
     * A finished session: its chain judged and fingerprints taken here (work that needs no order),
     * then to the sink's queue, waiting while it is full. Should judging fail, the sink judges it
     * again and counts the error.
     */
    @Override
    public void onSession(TlsSession session) {
        session.setEmissionSeq(emitted++);
        try {
            chains.prepare(session);
        } catch (RuntimeException bug) {
            noteInternalError(bug);
        }
        while (!sessions.offer(session)) {
            if (failure.failed()) {
                return;
            }
            offerIdle.idle();
        }
        offerIdle.reset();
    }

    long watermark() {
        return watermark.getAcquire();
    }

    boolean done() {
        return done;
    }

    long internalErrors() {
        return internalErrors;
    }

    RuntimeException firstInternalError() {
        return firstInternalError;
    }
}
