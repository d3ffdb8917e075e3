package io.tlswatch.analyzer.quic;

import io.tlswatch.testkit.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * UDP payloads cut from real captures ({@code *.datagrams} resources, see their README): a line
 * {@code @client N} or {@code @server N} starts a datagram, hex lines follow.
 *
 * @param fromClient who sent it
 * @param frame its frame number in the source capture
 * @param bytes the UDP payload
 */
record Datagrams(boolean fromClient, int frame, byte[] bytes) {

    static List<Datagrams> load(String resource) {
        List<Datagrams> out = new ArrayList<>();
        String side = null;
        int frame = 0;
        StringBuilder hex = new StringBuilder();
        for (String line : QuicTestResources.text(resource).split("\n")) {
            if (line.startsWith("@")) {
                add(out, side, frame, hex);
                String[] words = line.substring(1).trim().split(" ");
                side = words[0];
                frame = Integer.parseInt(words[1]);
                hex.setLength(0);
            } else if (side != null) {
                hex.append(line).append('\n');
            }
        }
        add(out, side, frame, hex);
        return out;
    }

    private static void add(List<Datagrams> out, String side, int frame, StringBuilder hex) {
        if (side != null) {
            out.add(new Datagrams("client".equals(side), frame, Hex.bytes(hex.toString())));
        }
    }

    /** Feeds this datagram to the tracker in its direction; the handshake if it completes it. */
    QuicHandshake feed(QuicInitialTracker tracker, long timeNanos) {
        return fromClient ? tracker.feedFromClient(bytes, 0, bytes.length, timeNanos)
                : tracker.feedFromServer(bytes, 0, bytes.length, timeNanos);
    }

    /**
     * Feeds every datagram to the tracker in order, each at its frame number as its time; the
     * handshake one of them completed, else null.
     */
    static QuicHandshake feedAll(List<Datagrams> datagrams, QuicInitialTracker tracker) {
        QuicHandshake handshake = null;
        for (Datagrams d : datagrams) {
            QuicHandshake h = d.feed(tracker, d.frame());
            handshake = h != null ? h : handshake;
        }
        return handshake;
    }

    /** The datagram of frame {@code frame} among {@code datagrams}. */
    static Datagrams frame(List<Datagrams> datagrams, int frame) {
        return datagrams.stream().filter(d -> d.frame() == frame).findFirst().orElseThrow();
    }
}
