package io.tlswatch.capture.synth;

import static io.tlswatch.capture.decode.DecodedPacket.TCP_ACK;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_FIN;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_PSH;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_RST;
import static io.tlswatch.capture.decode.DecodedPacket.TCP_SYN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The packets of one TCP connection between a client and a server, built step by step and then
 * written as Ethernet frames (link type {@link io.tlswatch.capture.LinkType#ETHERNET}; IPv4 without
 * options or IPv6 without extension headers, TCP without options): for tests that need TLS bytes in
 * TCP with exactly the segmenting, ordering and damage they want, and for generated captures.
 *
 * <p>Building follows RFC 9293: {@link #handshake()} (SYN, SYN-ACK, ACK; left out, the capture
 * starts in mid-stream) or {@link #fastOpen} (data on the SYN, RFC 7413); {@link #send} cuts data
 * into segments of {@link #segmentSize} bytes with the sequence numbers running on and each
 * acknowledging all the peer sent, PSH on the last; the peer acknowledges each send with a bare ACK
 * (and sooner when the bytes in flight would exceed its window), unless
 * {@link #acknowledgeSends(boolean)} turns that off; {@link #close()} or {@link #fin} end it, or
 * {@link #reset}. Sequence numbers are unsigned 32-bit and wrap.
 *
 * <p>Damage works on the segments built so far, by index in capture order ({@link #indexOf} finds
 * the segment that carries a given stream byte): {@link #swap} and {@link #move} reorder,
 * {@link #retransmit(int)} duplicates, {@link #retransmit(int, byte[])} retransmits with other bytes
 * (an overlap conflict), {@link #drop} loses a segment, {@link #pickUpAt} starts the capture later.
 *
 * <p>Capture time starts at {@link #startAt} and advances by {@link #timeStep} per packet in capture
 * order, plus any {@link #pause} before a packet. Writing ({@link #writeTo}) reuses one frame buffer
 * and allocates nothing per packet; data arrays are referenced, not copied.
 * Not thread-safe.
 */
public final class TcpConversation {
    /** An Ethernet MTU of 1500 less IPv4 and TCP headers. */
    public static final int DEFAULT_SEGMENT_SIZE = 1460;
    /** The window Linux advertises on its SYN: 65535 rounded down to a multiple of 1460. */
    public static final int DEFAULT_WINDOW = 64240;
    public static final long DEFAULT_TIME_STEP_NANOS = 1_000_000L;
    /** 2024-01-01T00:00:00Z. */
    public static final long DEFAULT_START_NANOS = 1_704_067_200_000_000_000L;

    private static final long SEQ_MASK = 0xffff_ffffL;

    private final TcpEndpoint client;
    private final TcpEndpoint server;
    private final Sender[] senders = {new Sender(0x1d2c3b4aL), new Sender(0xc0ffee00L)};
    private final List<Segment> segments = new ArrayList<>();
    private int vlanId;
    private long startNanos = DEFAULT_START_NANOS;
    private long stepNanos = DEFAULT_TIME_STEP_NANOS;
    private int segmentSize = DEFAULT_SEGMENT_SIZE;
    private boolean acknowledgeSends = true;
    private long pendingPause;

    /** What one side has sent: where its sequence space starts and runs to, and how it ended. */
    private static final class Sender {
        long isn;
        long next;
        long unacknowledged;
        int window = DEFAULT_WINDOW;
        boolean finished;

        Sender(long isn) {
            setIsn(isn);
        }

        void setIsn(long value) {
            isn = value & SEQ_MASK;
            next = isn + 1;
        }
    }

    private TcpConversation(TcpEndpoint client, TcpEndpoint server) {
        this.client = Objects.requireNonNull(client, "client");
        this.server = Objects.requireNonNull(server, "server");
        if (client.isIpv6() != server.isIpv6()) {
            throw new IllegalArgumentException("client " + client + " and server " + server
                    + " are not of one IP version");
        }
    }

    /** A connection from {@code client} to {@code server}, IPv4 or IPv6 as their addresses are. */
    public static TcpConversation between(TcpEndpoint client, TcpEndpoint server) {
        return new TcpConversation(client, server);
    }

    // ---- settings ----

    /** Tags every frame with this 802.1Q VLAN id (1 to 4094); 0 leaves frames untagged. */
    public TcpConversation vlan(int id) {
        if (id < 0 || id > FrameLayout.MAX_VLAN_ID) {
            throw new IllegalArgumentException("VLAN id " + id + " is not 0 to " + FrameLayout.MAX_VLAN_ID);
        }
        this.vlanId = id;
        return this;
    }

    /** Capture time of the first packet, in epoch nanoseconds. */
    public TcpConversation startAt(long epochNanos) {
        this.startNanos = epochNanos;
        return this;
    }

    /** Capture time between one packet and the next (0 puts them all at one instant). */
    public TcpConversation timeStep(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time step " + nanos + " is negative");
        }
        this.stepNanos = nanos;
        return this;
    }

    /** Most payload bytes per segment for the sends that follow (1 to 65495). */
    public TcpConversation segmentSize(int bytes) {
        if (bytes < 1 || bytes > FrameLayout.MAX_PAYLOAD) {
            throw new IllegalArgumentException("segment size " + bytes + " is not 1 to " + FrameLayout.MAX_PAYLOAD);
        }
        this.segmentSize = bytes;
        return this;
    }

    /** The receive window both sides advertise in the segments that follow (0 to 65535, unscaled). */
    public TcpConversation window(int bytes) {
        if (bytes < 0 || bytes > 0xffff) {
            throw new IllegalArgumentException("window " + bytes + " is not 0 to 65535");
        }
        senders[0].window = bytes;
        senders[1].window = bytes;
        return this;
    }

    /** Initial sequence numbers (unsigned 32 bits), before any segment is built. */
    public TcpConversation initialSequenceNumbers(long clientIsn, long serverIsn) {
        requireNoSegments("initial sequence numbers");
        sender(Side.CLIENT).setIsn(clientIsn);
        sender(Side.SERVER).setIsn(serverIsn);
        return this;
    }

    /** Whether the peer answers each send with a bare ACK (the default), for the sends that follow. */
    public TcpConversation acknowledgeSends(boolean on) {
        this.acknowledgeSends = on;
        return this;
    }

    /** Puts {@code nanos} more capture time before the next packet built. */
    public TcpConversation pause(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("pause " + nanos + " is negative");
        }
        pendingPause += nanos;
        return this;
    }

    // ---- building ----

    /** SYN, SYN-ACK, ACK (RFC 9293 3.5); must come first. */
    public TcpConversation handshake() {
        return open(Segment.NO_DATA, 0);
    }

    /**
     * A TCP Fast Open handshake (RFC 7413): the SYN carries the first segment of {@code clientData},
     * the SYN-ACK acknowledges it, and the rest follows the final ACK as an ordinary send.
     */
    public TcpConversation fastOpen(byte[] clientData) {
        int onSyn = Math.min(clientData.length, segmentSize);
        open(clientData, onSyn);
        if (onSyn < clientData.length) {
            send(Side.CLIENT, clientData, onSyn, clientData.length - onSyn);
        }
        return this;
    }

    private TcpConversation open(byte[] synData, int synLength) {
        requireNoSegments("the handshake");
        Sender c = sender(Side.CLIENT);
        Sender s = sender(Side.SERVER);
        add(Side.CLIENT, TCP_SYN, c.isn, 0, synData, 0, synLength);
        c.next = c.isn + 1 + synLength;
        add(Side.SERVER, TCP_SYN | TCP_ACK, s.isn, c.next, Segment.NO_DATA, 0, 0);
        add(Side.CLIENT, TCP_ACK, c.next, s.next, Segment.NO_DATA, 0, 0);
        return this;
    }

    public TcpConversation client(byte[] data) {
        return send(Side.CLIENT, data, 0, data.length);
    }

    public TcpConversation server(byte[] data) {
        return send(Side.SERVER, data, 0, data.length);
    }

    /** Sends {@code len} bytes of {@code data} from {@code from}, in segments of {@link #segmentSize}. */
    public TcpConversation send(Side from, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len == 0) {
            throw new IllegalArgumentException("nothing to send");
        }
        Sender me = requireOpen(from);
        Sender peer = sender(from.peer());
        for (int pos = 0; pos < len; ) {
            int n = Math.min(segmentSize, len - pos);
            if (acknowledgeSends && me.unacknowledged + n > peer.window && me.unacknowledged > 0) {
                ack(from.peer());
            }
            int flags = TCP_ACK | (pos + n == len ? TCP_PSH : 0);
            add(from, flags, me.next, peer.next, data, off + pos, n);
            me.next += n;
            me.unacknowledged += n;
            pos += n;
        }
        if (acknowledgeSends) {
            ack(from.peer());
        }
        return this;
    }

    /** A bare ACK from {@code from} of everything its peer sent. */
    public TcpConversation ack(Side from) {
        Sender me = sender(from);
        add(from, TCP_ACK, me.next, sender(from.peer()).next, Segment.NO_DATA, 0, 0);
        sender(from.peer()).unacknowledged = 0;
        return this;
    }

    /** A FIN from {@code from} (RFC 9293 3.6); it sends nothing more after it. */
    public TcpConversation fin(Side from) {
        Sender me = requireOpen(from);
        add(from, TCP_FIN | TCP_ACK, me.next, sender(from.peer()).next, Segment.NO_DATA, 0, 0);
        me.next += 1;
        me.finished = true;
        return this;
    }

    /** The usual close: FIN from the client, FIN-ACK from the server, the client's last ACK. */
    public TcpConversation close() {
        fin(Side.CLIENT);
        fin(Side.SERVER);
        return ack(Side.CLIENT);
    }

    /** A RST from {@code from}: the connection ends at once, for both sides. */
    public TcpConversation reset(Side from) {
        Sender me = requireOpen(from);
        add(from, TCP_RST | TCP_ACK, me.next, sender(from.peer()).next, Segment.NO_DATA, 0, 0);
        me.finished = true;
        sender(from.peer()).finished = true;
        return this;
    }

    private void add(Side from, int flags, long seq, long ack, byte[] data, int off, int len) {
        long ackField = (flags & TCP_ACK) != 0 ? ack & SEQ_MASK : 0;
        segments.add(new Segment(from, flags, seq & SEQ_MASK, ackField, sender(from).window, data, off, len,
                pendingPause));
        pendingPause = 0;
    }

    // ---- damage, by index in capture order ----

    /** Exchanges the places of two segments in capture order. */
    public TcpConversation swap(int i, int j) {
        Collections.swap(segments, i, j);
        return this;
    }

    /** Takes the segment at {@code from} out and puts it at index {@code to} of what remains. */
    public TcpConversation move(int from, int to) {
        Segment s = segments.remove(from);
        segments.add(to, s);
        return this;
    }

    /** An identical copy of segment {@code index} right after it (a retransmission). */
    public TcpConversation retransmit(int index) {
        segments.add(index + 1, segments.get(index).withoutPause());
        return this;
    }

    /**
     * A copy of segment {@code index} with other payload bytes right after it: a retransmission
     * that disagrees with the first copy (an overlap conflict, as evasion or a broken stack makes).
     */
    public TcpConversation retransmit(int index, byte[] otherData) {
        if (otherData.length == 0 || otherData.length > FrameLayout.MAX_PAYLOAD) {
            throw new IllegalArgumentException("retransmitted payload of " + otherData.length + " bytes");
        }
        segments.add(index + 1, segments.get(index).withData(otherData).withoutPause());
        return this;
    }

    /** Loses segment {@code index}: the capture never shows it (a gap in its stream). */
    public TcpConversation drop(int index) {
        segments.remove(index);
        return this;
    }

    /** Starts the capture at segment {@code index}: everything before it is never seen. */
    public TcpConversation pickUpAt(int index) {
        segments.subList(0, index).clear();
        return this;
    }

    // ---- looking at what was built ----

    public int size() {
        return segments.size();
    }

    public Segment segment(int index) {
        return segments.get(index);
    }

    /** The segments in capture order (a read-only view). */
    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    /**
     * The index of the first segment from {@code side} that carries byte {@code streamOffset} of
     * its stream (0 is the first byte after the SYN), or -1.
     */
    public int indexOf(Side side, long streamOffset) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.from() == side && s.length() > 0) {
                long start = streamOffset(s);
                if (streamOffset >= start && streamOffset < start + s.length()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where the payload of segment {@code index} starts in its sender's stream. */
    public long streamOffset(int index) {
        return streamOffset(segments.get(index));
    }

    private long streamOffset(Segment s) {
        long firstData = s.has(TCP_SYN) ? s.seq() + 1 : s.seq();
        return (firstData - sender(s.from()).isn - 1) & SEQ_MASK;
    }

    /** Capture time of the last packet (of the start when there is none): where a next one may begin. */
    public long endNanos() {
        long time = startNanos;
        for (int i = 0; i < segments.size(); i++) {
            time = timeOf(i, time);
        }
        return time;
    }

    // ---- writing ----

    /** Writes every packet, in capture order, to {@code sink}. */
    public void writeTo(FrameSink sink) throws IOException {
        FrameEncoder encoder = new FrameEncoder(client, server, vlanId);
        int largest = 0;
        for (Segment s : segments) {
            largest = Math.max(largest, s.length());
        }
        byte[] frame = new byte[encoder.headerLength() + largest];
        long time = startNanos;
        for (int i = 0; i < segments.size(); i++) {
            time = timeOf(i, time);
            int length = encoder.encode(segments.get(i), frame);
            sink.frame(time, frame, 0, length);
        }
    }

    /** Every packet, in capture order, each frame its own copy. */
    public List<SynthPacket> packets() {
        List<SynthPacket> out = new ArrayList<>(segments.size());
        try {
            writeTo(FrameSink.list(out));
        } catch (IOException e) {
            throw new UncheckedIOException("a list sink does not fail", e);
        }
        return out;
    }

    public TcpEndpoint client() {
        return client;
    }

    public TcpEndpoint server() {
        return server;
    }

    /** Initial sequence number of a side. */
    public long initialSequenceNumber(Side side) {
        return sender(side).isn;
    }

    private long timeOf(int index, long previous) {
        long pause = segments.get(index).pauseNanos();
        return index == 0 ? startNanos + pause : previous + stepNanos + pause;
    }

    private Sender sender(Side side) {
        return senders[side.ordinal()];
    }

    private Sender requireOpen(Side side) {
        Sender s = sender(side);
        if (s.finished) {
            throw new IllegalStateException("the " + side.name().toLowerCase(java.util.Locale.ROOT)
                    + " already ended its side of the connection");
        }
        return s;
    }

    private void requireNoSegments(String what) {
        if (!segments.isEmpty()) {
            throw new IllegalStateException(what + " must come before any segment");
        }
    }
}
