package io.tlswatch.analyzer.flow;

import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real TLS handshake as the two byte streams of its connection (the annotated
 * {@code tls/streams/*.hex} resources, cut from corpus captures with tshark's follow), and the
 * flights in which the two sides took turns, so that a {@link TcpConversation} can replay them in
 * the order of the original capture. Record boundaries come from the record headers (RFC 8446 5.1).
 */
final class RecordedHandshake {
    /** Records [first, end) of one side, sent as one burst. */
    record Flight(Side from, int first, int end) {
    }

    private final byte[][] streams = new byte[2][];
    private final int[][] recordStarts = new int[2][];
    private final List<Flight> flights;

    RecordedHandshake(String clientResource, String serverResource, List<Flight> flights) {
        streams[Side.CLIENT.ordinal()] = stream(clientResource);
        streams[Side.SERVER.ordinal()] = stream(serverResource);
        recordStarts[0] = recordStarts(streams[0]);
        recordStarts[1] = recordStarts(streams[1]);
        this.flights = List.copyOf(flights);
    }

    /** Sends every flight, in order, into {@code c}; returns it. */
    TcpConversation playInto(TcpConversation c) {
        return playInto(c, 0, flights.size());
    }

    /** Sends flights [first, end) into {@code c}; returns it. */
    TcpConversation playInto(TcpConversation c, int first, int end) {
        for (Flight f : flights.subList(first, end)) {
            int from = recordOffset(f.from(), f.first());
            c.send(f.from(), stream(f.from()), from, recordOffset(f.from(), f.end()) - from);
        }
        return c;
    }

    /** A copy of records [first, end) of one side's stream. */
    byte[] records(Side side, int first, int end) {
        return Arrays.copyOfRange(stream(side), recordOffset(side, first), recordOffset(side, end));
    }

    /** The whole stream one side sent. */
    byte[] stream(Side side) {
        return streams[side.ordinal()];
    }

    /** Where record {@code index} starts in a side's stream (the record count gives the stream's end). */
    int recordOffset(Side side, int index) {
        int[] starts = recordStarts[side.ordinal()];
        return index < starts.length ? starts[index] : streams[side.ordinal()].length;
    }

    int flights() {
        return flights.size();
    }

    private static int[] recordStarts(byte[] stream) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        while (at + 5 <= stream.length) {
            starts.add(at);
            at += 5 + ((stream[at + 3] & 0xff) << 8 | (stream[at + 4] & 0xff));
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] stream(String name) {
        String path = "/io/tlswatch/analyzer/tls/streams/" + name + ".hex";
        try (InputStream in = RecordedHandshake.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no stream resource " + path);
            }
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
