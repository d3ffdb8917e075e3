package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.x509.synth.SyntheticInterceptor;
import java.util.Map;

/**
 * What a synthetic capture holds, counted as it was written.
 *
 * @param flows              flows written, each one TLS handshake
 * @param tls13Flows         of them, flows the server took to TLS 1.3
 * @param forgedFlows        flows whose certificate an interceptor forged
 * @param forgedVisible      of them, TLS 1.2 flows, where a sensor sees the forged chain
 * @param forgedBy           forged flows per interceptor
 * @param packets            frames written
 * @param frameBytes         bytes of those frames
 * @param applicationBytes   application-data bytes (TLS records, headers included), both directions
 * @param firstNanos         capture time of the first packet
 * @param lastNanos          capture time of the last packet
 */
public record SynthStats(long flows, long tls13Flows, long forgedFlows, long forgedVisible,
                         Map<SyntheticInterceptor, Long> forgedBy, long packets, long frameBytes, long applicationBytes,
                         long firstNanos, long lastNanos) {
    public SynthStats {
        forgedBy = Map.copyOf(forgedBy);
    }
}
