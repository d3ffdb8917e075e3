package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.x509.synth.SyntheticInterceptor;
import java.util.SplittableRandom;

/**
 * Decides the flows of a synthetic capture one after another, from the seed alone:
 * <ul>
 * <li>the site: popular ones more often (the site index is the number of sites times the square
 * of a uniform draw, so the first tenth of the sites get about a third of the flows);</li>
 * <li>TLS 1.3 with the settings' share, forged with the forged share, by one of the interceptors
 * drawn evenly;</li>
 * <li>the client: a direct flow comes from one of {@value #DIRECT_CLIENTS} clients in 10.1.0.0/16;
 * a forged one from one of {@value #CLIENTS_PER_INTERCEPTOR} clients in the interceptor's own
 * subnet, 10.(100 + its ordinal).0.0/16, as a proxy serves the network behind it; each client's
 * ephemeral ports count up from 49152 (RFC 6335 section 6);</li>
 * <li>the server: one address per site in 198.18.0.0/15, the range RFC 2544 keeps for benchmarks,
 * port 443;</li>
 * <li>the application data: the settings' amount (drawn between half and one and a half times it
 * when the mix varies it), a sixteenth from the client, the rest from the server.</li>
 * </ul>
 */
final class FlowPlanner {
    static final int DIRECT_CLIENTS = 8192;
    static final int CLIENTS_PER_INTERCEPTOR = 256;
    private static final int DIRECT_NETWORK = 10 << 24 | 1 << 16;
    private static final int INTERCEPTED_NETWORK_BASE = 10 << 24 | 100 << 16;
    private static final int SERVER_NETWORK = 198 << 24 | 18 << 16;
    private static final int SERVER_ADDRESSES = (1 << 17) - 2;
    private static final int FIRST_EPHEMERAL_PORT = 49152;
    private static final int EPHEMERAL_PORTS = 65536 - FIRST_EPHEMERAL_PORT;
    private static final int CLIENT_SHARE_DIVISOR = 16;

    private static final SyntheticInterceptor[] INTERCEPTORS = SyntheticInterceptor.values();

    private final SynthSettings settings;
    private final SplittableRandom random;
    private final int[] directPorts = new int[DIRECT_CLIENTS];
    private final int[][] interceptedPorts = new int[INTERCEPTORS.length][CLIENTS_PER_INTERCEPTOR];
    private long planned;

    FlowPlanner(SynthSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Whether every flow has been planned. */
    boolean done() {
        return planned == settings.flows();
    }

    /** The next flow. */
    FlowPlan next() {
        if (done()) {
            throw new IllegalStateException("all " + settings.flows() + " flows are planned");
        }
        double popularity = random.nextDouble();
        int site = (int) (settings.sites() * popularity * popularity);
        boolean tls13 = random.nextDouble() < settings.tls13Share();
        SyntheticInterceptor forgedBy = random.nextDouble() < settings.forgedShare()
                ? INTERCEPTORS[random.nextInt(INTERCEPTORS.length)] : null;
        int clientAddress;
        int clientPort;
        if (forgedBy == null) {
            int client = random.nextInt(DIRECT_CLIENTS);
            clientAddress = DIRECT_NETWORK + client + 1;
            clientPort = FIRST_EPHEMERAL_PORT + directPorts[client]++ % EPHEMERAL_PORTS;
        } else {
            int client = random.nextInt(CLIENTS_PER_INTERCEPTOR);
            clientAddress = INTERCEPTED_NETWORK_BASE + (forgedBy.ordinal() << 16) + client + 1;
            clientPort = FIRST_EPHEMERAL_PORT + interceptedPorts[forgedBy.ordinal()][client]++ % EPHEMERAL_PORTS;
        }
        long data = settings.mix().dataVaries()
                ? Math.max(SynthSettings.MIN_DATA_BYTES, (long) (settings.dataBytes() * (0.5 + random.nextDouble())))
                : settings.dataBytes();
        long clientData = Math.max(ApplicationDataRecords.SHORTEST, data / CLIENT_SHARE_DIVISOR);
        long serverData = Math.max(ApplicationDataRecords.SHORTEST, data - clientData);
        return new FlowPlan(planned++, site, tls13, forgedBy, clientAddress, clientPort,
                SERVER_NETWORK + 1 + site % SERVER_ADDRESSES, clientData, serverData, random.nextLong());
    }
}
