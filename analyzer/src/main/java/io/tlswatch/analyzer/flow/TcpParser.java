package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.session.SessionAssembler;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;

/**
 * What a TCP connection needs while its handshake is read: two byte streams, a TLS decoder for
 * each role, the feeds between them and the session being assembled. Lent to a flow from its
 * first payload until it goes into bypass (a pool in {@link TcpFlowResources}), so the many flows
 * that are done, or never carried a byte, hold none of it.
 */
final class TcpParser {
    final StreamReassembler[] streams = new StreamReassembler[2];
    final DirectionFeed[] feeds = new DirectionFeed[2];
    final TlsStreamDecoder clientDecoder;
    final TlsStreamDecoder serverDecoder;
    final SessionAssembler session;
    /** The flow this parser works for now; null while it waits in the pool. */
    TcpFlow flow;

    TcpParser(TcpFlowResources resources) {
        streams[TcpFlow.FROM_A] = resources.newStream();
        streams[TcpFlow.FROM_B] = resources.newStream();
        session = resources.newSessionAssembler(() -> flow.endpoints());
        clientDecoder = resources.newDecoder(true, session);
        serverDecoder = resources.newDecoder(false, session);
        feeds[TcpFlow.FROM_A] = new DirectionFeed(this, TcpFlow.FROM_A);
        feeds[TcpFlow.FROM_B] = new DirectionFeed(this, TcpFlow.FROM_B);
    }

    TlsStreamDecoder decoderFor(int direction) {
        return direction == flow.clientDirection ? clientDecoder : serverDecoder;
    }

    int clientDirection() {
        return flow.clientDirection;
    }

    /** Forgets the flow: buffers back to the pool, decoders and session cleared. */
    void reset() {
        streams[TcpFlow.FROM_A].reset();
        streams[TcpFlow.FROM_B].reset();
        clientDecoder.reset();
        serverDecoder.reset();
        session.reset();
        feeds[TcpFlow.FROM_A].reset();
        feeds[TcpFlow.FROM_B].reset();
        flow = null;
    }
}
