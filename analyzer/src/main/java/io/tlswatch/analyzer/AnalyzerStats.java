package io.tlswatch.analyzer;

import io.tlswatch.analyzer.flow.ReassemblyCounters;
import io.tlswatch.analyzer.pipeline.SessionCounters;
import io.tlswatch.analyzer.quic.QuicCounters;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.capture.decode.DecodeCounters;

/**
 * Everything the analyzer counted, for the summary and for stats documents.
 *
 * @param tcpFlows            TCP connections tracked
 * @param flowsExpired        flows finished by the idle timeout
 * @param flowsEvicted        flows evicted because the table was full
 * @param tlsFlows            finished connections that carried a TLS hello
 * @param notTlsFlows         finished connections with payload but no TLS hello
 * @param emptyFlows          finished connections without payload
 * @param midstreamPickups    connections first seen without a SYN
 * @param bufferPoolExhausted buffer requests refused because the memory budget was spent
 * @param workers             flow workers the packets were sharded over
 * @param internalErrors      packets or sessions a stage failed on (a bug), counted and skipped
 * @param ringFullWaits       times the reader waited for a worker to make room
 * @param parsersExhausted    connections given up on because every handshake parser was lent
 */
public record AnalyzerStats(DecodeCounters decode, SessionCounters sessions, ReassemblyCounters reassembly,
                            TlsAnomalyCounters tlsAnomalies, long tcpFlows, long flowsExpired,
                            long flowsEvicted, long tlsFlows, long notTlsFlows, long emptyFlows, long midstreamPickups,
                            long bufferPoolExhausted, long certificateCacheHits,
                            long certificateCacheMisses, long certificateParseErrors,
                            long chainCacheHits, long chainCacheMisses,
                            long udpFlows, long quicFlows, long quicHellos, long notQuicFlows,
                            QuicCounters quic, int workers, long internalErrors, long ringFullWaits,
                            long parsersExhausted) {
}
