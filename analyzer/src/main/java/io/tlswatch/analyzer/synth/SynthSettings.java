package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import io.tlswatch.capture.synth.TcpConversation;

/**
 * What a synthetic capture holds; everything follows from these values, so the same settings give
 * the same bytes.
 *
 * @param flows           TCP connections, each one TLS handshake (at least 1)
 * @param seed            where all randomness starts
 * @param mix             the kind of traffic (whose defaults the other values start from)
 * @param tls13Share      share of flows the server takes to TLS 1.3 (the rest TLS 1.2), 0 to 1
 * @param forgedShare     share of flows an interceptor forges the certificate of, 0 to 1
 * @param dataBytes       application-data bytes per flow, both sides together, TLS records and
 *                        their headers included ({@link #MIN_DATA_BYTES} to {@link #MAX_DATA_BYTES});
 *                        the client sends a sixteenth, the server the rest
 * @param sites           distinct server names and certificates (1 to {@link SyntheticPki#MAX_SITES})
 * @param concurrentFlows flows in progress at once, interleaved packet step by packet step (each holds its
 *                        handshake's bytes, a few KB, until they are written)
 * @param startNanos      capture time of the first packet, epoch nanoseconds
 * @param handshakesFirst each flow's handshake (and the first data record of each side, which establishes
 *                        the session) is written in one go as the flow starts, and only the rest of its data
 *                        and close interleave with other flows: as many connections open at once, each
 *                        past its handshake, as {@code concurrentFlows} (long-lived connections on a
 *                        busy link, for measuring what a million open flows cost)
 */
public record SynthSettings(long flows, long seed, Mix mix, double tls13Share, double forgedShare, long dataBytes,
                            int sites, int concurrentFlows, long startNanos, boolean handshakesFirst) {
    /** Enough for the shortest record from each side. */
    public static final long MIN_DATA_BYTES = 2L * ApplicationDataRecords.SHORTEST;
    public static final long MAX_DATA_BYTES = 1L << 30;
    public static final int DEFAULT_SITES = 1_000;
    public static final double DEFAULT_FORGED_SHARE = 0.05;
    public static final int DEFAULT_CONCURRENT_FLOWS = 64;
    public static final int MAX_CONCURRENT_FLOWS = 1 << 21;

    public SynthSettings {
        require(flows >= 1, "flows must be at least 1, not " + flows);
        require(mix != null, "a mix is required");
        require(tls13Share >= 0 && tls13Share <= 1, "the TLS 1.3 share must be 0 to 1, not " + tls13Share);
        require(forgedShare >= 0 && forgedShare <= 1, "the forged share must be 0 to 1, not " + forgedShare);
        require(dataBytes >= MIN_DATA_BYTES && dataBytes <= MAX_DATA_BYTES,
                "application data per flow must be " + MIN_DATA_BYTES + " to " + MAX_DATA_BYTES + " bytes, not " + dataBytes);
        require(sites >= 1 && sites <= SyntheticPki.MAX_SITES, "sites must be 1 to " + SyntheticPki.MAX_SITES + ", not " + sites);
        require(concurrentFlows >= 1 && concurrentFlows <= MAX_CONCURRENT_FLOWS,
                "concurrent flows must be 1 to " + MAX_CONCURRENT_FLOWS + ", not " + concurrentFlows);
    }

    /** {@code flows} flows of the mix's defaults, seed 1, starting 2024-01-01T00:00:00Z. */
    public static SynthSettings of(Mix mix, long flows) {
        return new SynthSettings(flows, 1, mix, mix.tls13Share(), DEFAULT_FORGED_SHARE, mix.dataBytes(), DEFAULT_SITES,
                DEFAULT_CONCURRENT_FLOWS, TcpConversation.DEFAULT_START_NANOS, false);
    }

    public SynthSettings withSeed(long value) {
        return new SynthSettings(flows, value, mix, tls13Share, forgedShare, dataBytes, sites, concurrentFlows, startNanos, handshakesFirst);
    }

    public SynthSettings withTls13Share(double value) {
        return new SynthSettings(flows, seed, mix, value, forgedShare, dataBytes, sites, concurrentFlows, startNanos, handshakesFirst);
    }

    public SynthSettings withForgedShare(double value) {
        return new SynthSettings(flows, seed, mix, tls13Share, value, dataBytes, sites, concurrentFlows, startNanos, handshakesFirst);
    }

    public SynthSettings withDataBytes(long value) {
        return new SynthSettings(flows, seed, mix, tls13Share, forgedShare, value, sites, concurrentFlows, startNanos, handshakesFirst);
    }

    public SynthSettings withSites(int value) {
        return new SynthSettings(flows, seed, mix, tls13Share, forgedShare, dataBytes, value, concurrentFlows, startNanos, handshakesFirst);
    }

    public SynthSettings withConcurrentFlows(int value) {
        return new SynthSettings(flows, seed, mix, tls13Share, forgedShare, dataBytes, sites, value, startNanos, handshakesFirst);
    }

    public SynthSettings withHandshakesFirst(boolean value) {
        return new SynthSettings(flows, seed, mix, tls13Share, forgedShare, dataBytes, sites, concurrentFlows, startNanos, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
