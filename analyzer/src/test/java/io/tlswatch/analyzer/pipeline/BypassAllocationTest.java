package io.tlswatch.analyzer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SynthStats;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.testkit.AllocationCounter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise the pipeline is built on: once a flow's handshake is read, each of its packets costs
 * a table lookup and allocates nothing, on the reader's side (decode, flow hash, copy into the
 * ring) and on the worker's (copy out, decode, flow lookup, expiry). A synthetic realistic capture
 * (about 340 packets per handshake) goes through a {@link ReaderStage} and its {@link FlowWorker}
 * twice, both on this thread (the worker's ring is drained after every packet), so one allocation
 * counter sees both sides; the first pass warms up, the second is measured packet by packet and
 * each packet's bytes are charged to the bypass when the worker counted it as a bypassed packet.
 * Handshake packets may allocate (a session's objects, once per handshake) and are reported apart.
 */
class BypassAllocationTest {
    /** Enough flows for more than 100,000 bypassed packets. */
    private static final int FLOWS = 320;

    @TempDir
    Path dir;

    private final SessionTally sessions = new SessionTally();

    @Test
    void packetsOfFlowsInBypassAllocateNothingOnTheReaderAndTheWorker() throws IOException {
        AllocationCounter allocated = AllocationCounter.require();
        Path capture = dir.resolve("realistic.pcap");
        SynthStats written = write(capture);

        OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
                ByteBuffer.allocateDirect(Pipeline.RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        ManyToOneConcurrentArrayQueue<TlsSession> finished = new ManyToOneConcurrentArrayQueue<>(Pipeline.SESSION_QUEUE);
        PipelineFailure failure = new PipelineFailure();
        FlowWorker worker = new FlowWorker(AnalyzerConfig.defaults().withWorkers(1), ring, finished,
                VerdictEngine.builder(TrustStore.mozillaSnapshot(), InterceptorCatalogue.shipped()).build().newChainJudge(),
                failure);
        ReaderStage reader = new ReaderStage(new OneToOneRingBuffer[] {ring}, failure);

        Pass warmUp = replay(capture, reader, ring, worker, finished, allocated);
        Pass measured = replay(capture, reader, ring, worker, finished, allocated);

        System.out.printf("bypass allocation: %d bypassed packets, %d bytes; %d other packets (%d handshakes), %d bytes%n",
                measured.bypassed, measured.bypassBytes, measured.others(), FLOWS, measured.otherBytes);
        assertEquals(written.packets(), warmUp.packets);
        assertEquals(written.packets(), measured.packets);
        assertEquals(2L * FLOWS, sessions.count, "every flow's handshake was read in both passes");
        assertEquals(0, worker.internalErrors());
        assertTrue(measured.bypassed >= 100_000, measured.bypassed + " bypassed packets");
        assertTrue(measured.bypassBytes < measured.bypassed,
                measured.bypassBytes + " bytes allocated for " + measured.bypassed + " bypassed packets "
                        + "(the other " + measured.others() + " packets, " + FLOWS + " handshakes, allocated "
                        + measured.otherBytes + " bytes)");
    }

    private SynthStats write(Path capture) throws IOException {
        SyntheticCapture synth = new SyntheticCapture(SynthSettings.of(Mix.REALISTIC, FLOWS));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(capture), 1 << 20)) {
            return synth.writeTo(CaptureFormat.PCAP.open(out), (done, planned, packets) -> { });
        }
    }

    /** One pass over the capture, each packet through the reader and then the worker, counted alone. */
    private Pass replay(Path capture, ReaderStage reader, OneToOneRingBuffer ring, FlowWorker worker,
                        ManyToOneConcurrentArrayQueue<TlsSession> finished, AllocationCounter allocated)
            throws IOException {
        Pass pass = new Pass();
        PacketRecord packet = new PacketRecord();
        try (PacketSource source = CaptureFiles.open(capture)) {
            while (source.next(packet)) {
                long bypassedBefore = worker.tcp.bypassedPackets();
                long before = allocated.currentThread();
                reader.onPacket(packet);
                while (ring.read(worker) > 0) {
                    // the packet, and the tick the reader may have added after it
                }
                long bytes = allocated.currentThread() - before;
                finished.drain(sessions);
                pass.packets++;
                if (worker.tcp.bypassedPackets() > bypassedBefore) {
                    pass.bypassed++;
                    pass.bypassBytes += bytes;
                } else {
                    pass.otherBytes += bytes;
                }
            }
        }
        return pass;
    }


    /** Packets and allocated bytes of one pass. */
    private static final class Pass {
        long packets;
        long bypassed;
        long bypassBytes;
        long otherBytes;

        long others() {
            return packets - bypassed;
        }
    }

    /** Counts the sessions the worker finished (a reused consumer: draining allocates nothing). */
    private static final class SessionTally implements Consumer<TlsSession> {
        long count;

        @Override
        public void accept(TlsSession session) {
            count++;
        }
    }
}
