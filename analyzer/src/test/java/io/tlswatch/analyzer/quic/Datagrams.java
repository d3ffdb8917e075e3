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

    /** Feeds this datagram to the tracker in its direction; the hello if it completes one. */
    QuicClientHello feed(QuicInitialTracker tracker, long timeNanos) {
        if (fromClient) {
            return tracker.feedFromClient(bytes, 0, bytes.length, timeNanos);
        }
        tracker.feedFromServer(bytes, 0, bytes.length);
        return null;
    }
}
