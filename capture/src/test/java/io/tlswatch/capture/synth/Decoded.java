package io.tlswatch.capture.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Reads synthetic frames back with the project's own decoder, and checks their checksums with a
 * plain re-computation written apart from {@link InternetChecksum} (RFC 1071 4.1's loop).
 */
final class Decoded {
    private Decoded() {
    }

    /** The decoder's view of one frame, which must decode as TCP. */
    static DecodedPacket decode(SynthPacket packet) {
        DecodedPacket out = new DecodedPacket();
        DecodeOutcome outcome = new StandardPacketDecoder().decode(packet.into(new PacketRecord()), out);
        assertEquals(DecodeOutcome.TCP, outcome, "decoding " + packet);
        return out;
    }

    static byte[] payload(SynthPacket packet) {
        DecodedPacket d = decode(packet);
        return Arrays.copyOfRange(packet.frame(), d.payloadOffset, d.payloadOffset + d.payloadLength);
    }

    /** The payloads of the packets from the side whose source port is {@code port}, concatenated in capture order. */
    static byte[] streamFrom(List<SynthPacket> packets, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SynthPacket p : packets) {
            if (decode(p).srcPort == port) {
                out.writeBytes(payload(p));
            }
        }
        return out.toByteArray();
    }

    /** The IPv4 address a.b.c.d as the decoder holds it (IPv4-mapped IPv6, low 64 bits). */
    static long mapped(int a, int b, int c, int d) {
        return 0x0000ffff_00000000L | (long) a << 24 | b << 16 | c << 8 | d;
    }

    /** Whether the IPv4 header checksum of a decoded frame verifies (sums to 0xffff). */
    static boolean ipv4HeaderChecksumVerifies(SynthPacket packet) {
        DecodedPacket d = decode(packet);
        byte[] f = packet.frame();
        return onesComplementSum(Arrays.copyOfRange(f, d.ipOffset, d.transportOffset)) == 0xffff;
    }

    /** Whether the TCP checksum over the pseudo-header (RFC 9293 3.1, RFC 8200 8.1) verifies. */
    static boolean tcpChecksumVerifies(SynthPacket packet) {
        DecodedPacket d = decode(packet);
        byte[] f = packet.frame();
        byte[] segment = Arrays.copyOfRange(f, d.transportOffset, d.payloadOffset + d.payloadLength);
        ByteBuffer pseudo;
        if (d.ipVersion == 4) {
            pseudo = ByteBuffer.allocate(12).put(f, d.ipOffset + 12, 8)
                    .put((byte) 0).put((byte) 6).putShort((short) segment.length);
        } else {
            pseudo = ByteBuffer.allocate(40).put(f, d.ipOffset + 8, 32)
                    .putInt(segment.length).put(new byte[3]).put((byte) 6);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(pseudo.array());
        all.writeBytes(segment);
        return onesComplementSum(all.toByteArray()) == 0xffff;
    }

    private static int onesComplementSum(byte[] bytes) {
        byte[] even = bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
        ByteBuffer words = ByteBuffer.wrap(even);
        int sum = 0;
        while (words.hasRemaining()) {
            sum += Short.toUnsignedInt(words.getShort());
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum;
    }
}
