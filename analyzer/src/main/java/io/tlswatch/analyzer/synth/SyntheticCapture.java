package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.x509.synth.ServerChain;
import io.tlswatch.analyzer.x509.synth.SyntheticInterceptor;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import io.tlswatch.capture.synth.FrameSink;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic capture: {@link SynthSettings#flows()} TCP flows, each a real TLS 1.2 or
 * 1.3 handshake with a certificate chain from a {@link SyntheticPki} (forged by an interceptor for
 * a share of them) followed by application data, written as Ethernet frames to a
 * {@link FrameSink}. A bounded number of flows is in progress at once; each step advances one of
 * them, drawn at random, by one flight or one record (see {@link SynthFlow}), so flows overlap in
 * time as on a link ({@link SynthSettings#handshakesFirst()} writes each handshake in one go and
 * interleaves only data and closes: many connections open at once). The same settings give the
 * same bytes: the PKI, the plan of the flows ({@link FlowPlanner}), the ciphertext pool and the
 * order of steps all follow from the seed.
 *
 * <p>Per record nothing is allocated here (the ciphertext is a slice of a pool); per step, the
 * capture module's {@link io.tlswatch.capture.synth.TcpConversation} makes a small object per
 * segment and a frame buffer, and per flow the handshake's flights are made. Not thread-safe.
 */
public final class SyntheticCapture {
    /** Steps between two calls of the progress listener. */
    private static final int PROGRESS_EVERY_STEPS = 1 << 14;
    /** Mixed into the seed for the randomness of the ciphertext pool and of the order of steps. */
    private static final long DATA_SALT = 0x5eed_da7a_0000_0001L;
    private static final long ORDER_SALT = 0x5eed_0dde_0000_0002L;

    private final SynthSettings settings;
    private final SyntheticPki pki;
    /** The TLS 1.2 Certificate message of each chain sent so far: as many as the PKI keeps chains. */
    private final Map<ServerChain, byte[]> certificateMessages = new IdentityHashMap<>();

    public SyntheticCapture(SynthSettings settings) {
        this.settings = settings;
        this.pki = SyntheticPki.create(settings.seed(), settings.sites(),
                Instant.ofEpochSecond(0, settings.startNanos()));
    }

    public SynthSettings settings() {
        return settings;
    }

    /** The certificates; their public roots are what a replay passes with {@code --extra-roots}. */
    public SyntheticPki pki() {
        return pki;
    }

    /** The flows in the order they start: the same plan {@link #writeTo} writes, every time it is asked. */
    public Iterator<FlowPlan> plans() {
        FlowPlanner planner = new FlowPlanner(settings);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !planner.done();
            }

            @Override
            public FlowPlan next() {
                if (planner.done()) {
                    throw new NoSuchElementException();
                }
                return planner.next();
            }
        };
    }

    /** The name the flow's client asks for. */
    public String serverName(FlowPlan flow) {
        return pki.site(flow.site()).hostName();
    }

    /** The chain the flow's client is sent: the site's own, or the interceptor's forgery. */
    public ServerChain chainSent(FlowPlan flow) {
        return flow.forgedBy() == null ? pki.site(flow.site()).chain() : pki.forgedChain(flow.site(), flow.forgedBy());
    }

    /** Writes every flow to {@code sink}; the sink's owner flushes and closes what it writes to. */
    public SynthStats writeTo(FrameSink sink, SynthProgress progress) throws IOException {
        FlowPlanner planner = new FlowPlanner(settings);
        StepWriter out = new StepWriter(sink, settings.startNanos());
        ApplicationDataRecords data = new ApplicationDataRecords(settings.seed() ^ DATA_SALT);
        SplittableRandom order = new SplittableRandom(settings.seed() ^ ORDER_SALT);
        Tally tally = new Tally();
        SynthFlow[] active = new SynthFlow[(int) Math.min(settings.concurrentFlows(), settings.flows())];
        int running = 0;
        while (running < active.length) {
            active[running++] = start(planner.next(), out, data);
        }
        long steps = 0;
        while (running > 0) {
            int i = running == 1 ? 0 : order.nextInt(running);
            if (!active[i].step(out, data)) {
                tally.add(active[i].plan());
                if (!planner.done()) {
                    active[i] = start(planner.next(), out, data);
                } else {
                    active[i] = active[--running];
                    active[running] = null;
                }
            }
            if (++steps % PROGRESS_EVERY_STEPS == 0) {
                progress.progress(tally.flows, settings.flows(), out.packets());
            }
        }
        progress.progress(tally.flows, settings.flows(), out.packets());
        return new SynthStats(tally.flows, tally.tls13, tally.forged, tally.forgedVisible, tally.forgedBy(), out.packets(),
                out.frameBytes(), tally.applicationBytes, settings.startNanos(), out.clock() - StepWriter.PACKET_GAP_NANOS);
    }

    /**
     * A new flow; with {@link SynthSettings#handshakesFirst()}, its handshake and the first data
     * records that establish the session are written at once.
     */
    private SynthFlow start(FlowPlan plan, StepWriter out, ApplicationDataRecords data) throws IOException {
        ServerChain chain = chainSent(plan);
        byte[] certificateMessage = plan.tls13() ? null
                : certificateMessages.computeIfAbsent(chain, c -> Tls12Messages.certificate(c.certificates()));
        SynthFlow flow = new SynthFlow(plan, serverName(plan), chain, certificateMessage);
        while (settings.handshakesFirst() && flow.opening()) {
            flow.step(out, data);
        }
        return flow;
    }

    /** Counts of the flows finished so far. */
    private static final class Tally {
        long flows;
        long tls13;
        long forged;
        long forgedVisible;
        long applicationBytes;
        final long[] byInterceptor = new long[SyntheticInterceptor.values().length];

        void add(FlowPlan plan) {
            flows++;
            tls13 += plan.tls13() ? 1 : 0;
            applicationBytes += plan.clientDataBytes() + plan.serverDataBytes();
            if (plan.forged()) {
                forged++;
                forgedVisible += plan.forgeryVisible() ? 1 : 0;
                byInterceptor[plan.forgedBy().ordinal()]++;
            }
        }

        Map<SyntheticInterceptor, Long> forgedBy() {
            Map<SyntheticInterceptor, Long> out = new EnumMap<>(SyntheticInterceptor.class);
            for (SyntheticInterceptor i : SyntheticInterceptor.values()) {
                out.put(i, byInterceptor[i.ordinal()]);
            }
            return out;
        }
    }
}
