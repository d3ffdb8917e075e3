package io.tlswatch.analyzer;

import io.tlswatch.analyzer.flow.ReassemblyCounters;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.capture.decode.DecodeCounters;

/**
 * Everything the analyzer counted, for the summary and for stats documents.
 *
 * @param tcpFlows            TCP connections tracked
 * @param flowsExpired        flows finished by the idle timeout
 * @param flowsEvicted        flows evicted because the table was full
 * @param notTlsFlows         connections whose client did not speak TLS
 * @param midstreamPickups    connections first seen without a SYN
 * @param bufferPoolExhausted buffer requests refused because the memory budget was spent
 */
public record AnalyzerStats(DecodeCounters decode, SessionCounters sessions, ReassemblyCounters reassembly,
                            TlsAnomalyCounters tlsAnomalies, long tcpFlows, long flowsExpired,
                            long flowsEvicted, long notTlsFlows, long midstreamPickups,
                            long bufferPoolExhausted, long certificateCacheHits,
                            long certificateCacheMisses, long certificateParseErrors) {
}
