package io.tlswatch.capture.file;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: open capture bytes, and read every packet of a source into copies. */
final class Captures {
    record Packet(byte[] data, int originalLength, long timestampNanos, int linkType, int interfaceIndex) {
    }

    record Result(List<Packet> packets, String error) {
    }

    private Captures() {
    }

    static PacketSource open(byte[] file) throws IOException {
        return CaptureFiles.open("test.pcap", new ByteArrayInputStream(file), file.length);
    }

    static Result readAll(PacketSource source) throws IOException {
        List<Packet> packets = new ArrayList<>();
        PacketRecord r = new PacketRecord();
        try (source) {
            while (source.next(r)) {
                packets.add(new Packet(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()),
                        r.originalLength(), r.timestampNanos(), r.linkType(), r.interfaceIndex()));
            }
            if (source.next(r)) {
                throw new AssertionError("a stopped source delivered another packet");
            }
            return new Result(packets, source.error());
        }
    }

    static Result readAll(byte[] file) throws IOException {
        return readAll(open(file));
    }

    static byte[] packet(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed + i);
        }
        return p;
    }
}
