package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionAssembler;
import io.tlswatch.analyzer.session.SessionListener;
import io.tlswatch.analyzer.tls.TlsAnomalyCounters;
import io.tlswatch.analyzer.tls.TlsLimits;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;
import io.tlswatch.analyzer.x509.CertificateCache;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * What every TCP flow of one worker shares: the buffer pool and its bounds, the counters, the
 * certificate cache and where sessions go. Makes the per-flow parts when the flow table creates an
 * entry.
 */
public final class TcpFlowResources {
    /** Most separate byte ranges (one plus the holes) a direction holds while reassembling. */
    private static final int MAX_RANGES = 16;

    final BufferPool pool;
    final ReassemblyCounters reassembly;
    final TlsAnomalyCounters tlsAnomalies;
    final CertificateCache certificates;
    final SessionListener sessions;
    private final int window;
    private final TlsLimits tlsLimits;
    private final ArrayDeque<TcpParser> idleParsers = new ArrayDeque<>();
    private final int maxParsers;
    private int parsers;
    private long parsersExhausted;

    /**
     * @param maxParsers most connections whose handshake is read at once (each holds two decoders
     *                   and streams); a connection that finds none free is given up on and counted
     */
    public TcpFlowResources(int window, long bufferMemoryBytes, TlsLimits tlsLimits,
                            CertificateCache certificates, SessionListener sessions, int maxParsers) {
        this.maxParsers = maxParsers;
        this.pool = new BufferPool(window, bufferMemoryBytes);
        this.reassembly = new ReassemblyCounters();
        this.tlsAnomalies = new TlsAnomalyCounters();
        this.window = window;
        this.tlsLimits = tlsLimits;
        this.certificates = certificates;
        this.sessions = sessions;
    }

    /** A parser for {@code flow}, from the pool or new; null when {@code maxParsers} are all lent. */
    TcpParser borrowParser(TcpFlow flow) {
        TcpParser parser = idleParsers.pollFirst();
        if (parser == null) {
            if (parsers == maxParsers) {
                parsersExhausted++;
                return null;
            }
            parsers++;
            parser = new TcpParser(this);
        }
        parser.flow = flow;
        return parser;
    }

    /** Takes a parser back, cleared. */
    void returnParser(TcpParser parser) {
        parser.reset();
        idleParsers.addFirst(parser);
    }

    /** Connections given up on because every parser was lent. */
    public long parsersExhausted() {
        return parsersExhausted;
    }

    StreamReassembler newStream() {
        return new StreamReassembler(pool, reassembly, window, MAX_RANGES);
    }

    SessionAssembler newSessionAssembler(Supplier<FlowEndpoints> endpoints) {
        return new SessionAssembler(certificates, tlsAnomalies, sessions, endpoints);
    }

    TlsStreamDecoder newDecoder(boolean fromClient, SessionAssembler listener) {
        return new TlsStreamDecoder(fromClient, tlsLimits, listener);
    }

    public BufferPool pool() { return pool; }

    public ReassemblyCounters reassembly() { return reassembly; }

    public TlsAnomalyCounters tlsAnomalies() { return tlsAnomalies; }
}
