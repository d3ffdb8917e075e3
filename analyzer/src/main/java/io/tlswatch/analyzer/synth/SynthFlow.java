package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.synth.HandshakeFlights.Flight;
import io.tlswatch.analyzer.x509.synth.ServerChain;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One planned flow, written a step at a time so that many flows interleave: the TCP handshake with
 * the ClientHello, each later handshake flight, then one application-data record per step (from
 * the side that has sent the smaller part of its data), then the close (RFC 9293 3.6). Each step
 * continues the sequence numbers of the last, and every send is acknowledged by the peer.
 */
final class SynthFlow {
    private static final long SEQ_MASK = 0xffff_ffffL;
    private static final int ESTABLISHING_RECORDS = 2;

    private final FlowPlan plan;
    private final TcpEndpoint client;
    private final TcpEndpoint server;
    /** The handshake's flights, until the last is written (then null: an open flow holds a few fields). */
    private List<Flight> flights;
    private final int handshakeSteps;
    private final long clientIsn;
    private final long serverIsn;
    private int steps;
    private long clientNext;
    private long serverNext;
    private long clientDataSent;
    private long serverDataSent;

    /** @param certificateMessage the TLS 1.2 Certificate message of {@code chain} (unused for TLS 1.3) */
    SynthFlow(FlowPlan plan, String serverName, ServerChain chain, byte[] certificateMessage) {
        this.plan = plan;
        this.client = new TcpEndpoint(ipv4(plan.clientAddress()), plan.clientPort());
        this.server = new TcpEndpoint(ipv4(plan.serverAddress()), FlowPlan.SERVER_PORT);
        SplittableRandom random = new SplittableRandom(plan.randomSeed());
        this.clientIsn = random.nextLong() & SEQ_MASK;
        this.serverIsn = random.nextLong() & SEQ_MASK;
        this.flights = plan.tls13() ? HandshakeFlights.tls13(serverName, chain, random)
                : HandshakeFlights.tls12(serverName, chain, certificateMessage, random);
        this.handshakeSteps = flights.size();
    }

    FlowPlan plan() {
        return plan;
    }

    /**
     * Whether the next step still opens the connection: a flight of the handshake, or one of the
     * first two application-data records (the client's, then the server's answer), after which a
     * monitor sees the session established (RFC 5246 section 7.4.9 / RFC 8446 section 4.4.4: data
     * follows the Finished messages) and needs nothing more of the flow.
     */
    boolean opening() {
        return steps < handshakeSteps
                || steps < handshakeSteps + ESTABLISHING_RECORDS && (clientDataSent < plan.clientDataBytes()
                        || serverDataSent < plan.serverDataBytes());
    }

    /** Writes the next step; false when that was the close. */
    boolean step(StepWriter out, ApplicationDataRecords data) throws IOException {
        TcpConversation c = out.begin(client, server);
        if (steps == 0) {
            c.initialSequenceNumbers(clientIsn, serverIsn).handshake();
            clientNext = clientIsn + 1 & SEQ_MASK;
            serverNext = serverIsn + 1 & SEQ_MASK;
        } else {
            c.initialSequenceNumbers(clientNext - 1, serverNext - 1);
        }
        boolean more = true;
        if (steps < handshakeSteps) {
            Flight flight = flights.get(steps);
            send(c, flight.from(), flight.bytes(), flight.bytes().length);
            if (steps + 1 == handshakeSteps) {
                flights = null;
            }
        } else if (clientDataSent < plan.clientDataBytes() || serverDataSent < plan.serverDataBytes()) {
            sendRecord(c, data);
        } else {
            c.close();
            more = false;
        }
        steps++;
        out.write(c);
        return more;
    }

    /** One application-data record from the side whose turn it is. */
    private void sendRecord(TcpConversation c, ApplicationDataRecords data) {
        Side side = nextDataSide();
        boolean client = side == Side.CLIENT;
        long left = client ? plan.clientDataBytes() - clientDataSent : plan.serverDataBytes() - serverDataSent;
        int length = ApplicationDataRecords.nextLength(left, plan.tls13());
        data.write(length);
        send(c, side, data.buffer(), length);
        if (client) {
            clientDataSent += length;
        } else {
            serverDataSent += length;
        }
    }

    /** The client first; then whichever side has sent the smaller part of its data. */
    private Side nextDataSide() {
        if (clientDataSent >= plan.clientDataBytes()) {
            return Side.SERVER;
        }
        if (serverDataSent >= plan.serverDataBytes()) {
            return Side.CLIENT;
        }
        double client = (double) clientDataSent / plan.clientDataBytes();
        double server = (double) serverDataSent / plan.serverDataBytes();
        return client <= server ? Side.CLIENT : Side.SERVER;
    }

    private void send(TcpConversation c, Side from, byte[] bytes, int length) {
        c.send(from, bytes, 0, length);
        if (from == Side.CLIENT) {
            clientNext = clientNext + length & SEQ_MASK;
        } else {
            serverNext = serverNext + length & SEQ_MASK;
        }
    }

    private static InetAddress ipv4(int address) {
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
