package io.tlswatch.analyzer.quic;

import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.varInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every datagram is attacker-controlled: cut at every length, one byte broken at every offset,
 * random bytes, and random frames under valid protection (the only way past the AEAD). Nothing
 * may throw, nothing broken may come out as a ClientHello, and every datagram is accounted for.
 */
class HostileDatagramTest {
    private static final List<String> RESOURCES = List.of("suricata-quic-retry.datagrams",
            "suricata-quic-frag-unordered.datagrams", "zeek-quicv2-http3.datagrams", "tcpdump-quic-vn.datagrams");

    private final QuicInitialDecoder decoder = new QuicInitialDecoder();

    @Test
    void everyCutOfARealDatagramIsCountedInEitherDirection() {
        List<byte[]> datagrams = new ArrayList<>(List.of(RfcVectors.v1Packet(), RfcVectors.v2Packet()));
        for (String resource : RESOURCES) {
            Datagrams.load(resource).forEach(d -> datagrams.add(d.bytes()));
        }
        for (byte[] datagram : datagrams) {
            int helloAt = firstPacketEnd(datagram);
            for (int cut = 1; cut <= datagram.length; cut++) {
                QuicCounters counters = new QuicCounters();
                QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
                tracker.feedFromServer(datagram, 0, cut);
                QuicClientHello hello = tracker.feedFromClient(datagram, 0, cut, 0);

                assertTrue(hello == null || cut >= helloAt, "a hello from a cut packet, cut at " + cut);
                assertTrue(counters.toString().length() > 0, "nothing counted for a cut at " + cut);
            }
        }
    }

    @Test
    void noOneByteChangeToAnRfcInitialGivesAHello() {
        for (byte[] packet : List.of(RfcVectors.v1Packet(), RfcVectors.v2Packet())) {
            for (int i = 0; i < packet.length; i++) {
                for (int flip : new int[] {0x01, 0x80}) {
                    byte[] broken = packet.clone();
                    broken[i] ^= (byte) flip;
                    QuicCounters counters = new QuicCounters();

                    assertNull(new QuicInitialTracker(decoder, counters).feedFromClient(broken, 0, broken.length, 0),
                            "byte " + i + " ^ " + flip);
                    assertEquals(0, counters.get(QuicOutcome.CLIENT_INITIAL), "byte " + i + " ^ " + flip);
                }
            }
        }
    }

    @Test
    void theUnbrokenPacketsDoGiveTheirHello() {
        for (byte[] packet : List.of(RfcVectors.v1Packet(), RfcVectors.v2Packet())) {
            assertNotNull(new QuicInitialTracker(decoder, new QuicCounters()).feedFromClient(packet, 0,
                    packet.length, 0));
        }
    }

    @Test
    void randomDatagramsAndRandomDamageAreCountedNeverThrown() {
        Random random = new Random(9001);
        List<byte[]> real = new ArrayList<>();
        for (String resource : RESOURCES) {
            Datagrams.load(resource).forEach(d -> real.add(d.bytes()));
        }
        QuicCounters counters = new QuicCounters();
        for (int i = 0; i < 3000; i++) {
            byte[] datagram;
            if (i % 3 == 0) {
                datagram = new byte[1 + random.nextInt(1400)];
                random.nextBytes(datagram);
            } else if (i % 3 == 1) {
                byte[] rest = new byte[random.nextInt(1300)];
                random.nextBytes(rest);
                datagram = concat(Hex.bytes("c0 00000001"), rest);
            } else {
                datagram = real.get(random.nextInt(real.size())).clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    datagram[random.nextInt(datagram.length)] = (byte) random.nextInt(256);
                }
            }
            QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
            tracker.feedFromClient(datagram, 0, datagram.length, i);
            tracker.feedFromServer(datagram, 0, datagram.length);
        }
        assertTrue(counters.get(QuicOutcome.PACKET_MALFORMED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.DECRYPTION_FAILED) > 0, counters.toString());
    }

    @Test
    void randomFramesUnderValidProtectionAreCountedNeverThrown() {
        Random random = new Random(9000);
        QuicPacketWriter writer = new QuicPacketWriter();
        QuicCounters counters = new QuicCounters();
        QuicInitialTracker tracker = null;
        int skipped = 0;
        for (int i = 0; i < 600; i++) {
            if (i % 6 == 0) {
                tracker = new QuicInitialTracker(decoder, counters);
            }
            byte[] frames = concat(randomFrames(random), new byte[20]);
            byte[] packet = writer.clientInitial(QuicLayout.VERSION_1, Hex.bytes("0102030405060708"), new byte[0],
                    new byte[0], i % 6, 2, frames);
            skipped += tracker.state() == QuicInitialTracker.State.AWAITING_INITIAL
                    || tracker.state() == QuicInitialTracker.State.COLLECTING ? 0 : 1;
            tracker.feedFromClient(packet, 0, packet.length, i);
        }
        assertEquals(600 - skipped, counters.get(QuicOutcome.CLIENT_INITIAL), "every packet tried opened: "
                + counters);
        assertTrue(counters.get(QuicOutcome.FRAMES_MALFORMED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.FRAME_NOT_ALLOWED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.CLIENT_HELLO_MALFORMED) > 0, counters.toString());
    }

    @Test
    void slicesOutsideTheBufferAreCountedNotThrown() {
        QuicCounters counters = new QuicCounters();
        QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
        byte[] b = RfcVectors.v1Packet();

        tracker.feedFromClient(b, -1, 10, 0);
        tracker.feedFromClient(b, 1190, 20, 0);
        tracker.feedFromServer(b, 0, 0);
        tracker.feedFromClient(b, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);

        assertEquals(4, counters.get(QuicOutcome.PACKET_MALFORMED));
    }

    /** A run of frames of the types an Initial carries and some it may not, with random fields. */
    private static byte[] randomFrames(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(6);
        for (int f = 0; f < count; f++) {
            switch (random.nextInt(7)) {
                case 0 -> out.writeBytes(new byte[1 + random.nextInt(30)]);
                case 1 -> out.writeBytes(concat(Hex.bytes("02"), varInt(random.nextInt(1000)), varInt(3),
                        varInt(random.nextInt(5)), varInt(0), Hex.bytes("0101")));
                case 2 -> out.writeBytes(concat(Hex.bytes("06"), varInt(randomOffset(random)),
                        varInt(random.nextInt(300)), randomHelloStart(random)));
                case 3 -> out.writeBytes(concat(Hex.bytes("1c"), varInt(random.nextInt(20)), varInt(6),
                        varInt(random.nextInt(10)), Hex.bytes("6162")));
                case 4 -> out.write(random.nextInt(64));
                default -> {
                    byte[] junk = new byte[random.nextInt(40)];
                    random.nextBytes(junk);
                    out.writeBytes(junk);
                }
            }
        }
        byte[] frames = out.toByteArray();
        return frames.length == 0 ? new byte[1] : Arrays.copyOf(frames, Math.max(1, frames.length
                - (random.nextBoolean() ? random.nextInt(frames.length) : 0)));
    }

    private static long randomOffset(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(2000);
            case 2 -> 64 * 1024 - random.nextInt(100);
            default -> QuicLayout.MAX_VARINT - random.nextInt(1000);
        };
    }

    /** Data that often starts like a ClientHello header, with a random length, then junk. */
    private static byte[] randomHelloStart(Random random) {
        byte[] data = new byte[random.nextInt(300)];
        random.nextBytes(data);
        if (data.length >= 4 && random.nextBoolean()) {
            data[0] = 1;
            data[1] = 0;
            data[2] = (byte) random.nextInt(2);
        }
        return data;
    }

    private static int firstPacketEnd(byte[] datagram) {
        QuicPacketHeader h = new QuicPacketHeader();
        int end = 0;
        for (int pos = 0; pos < datagram.length && h.parse(datagram, pos, datagram.length); pos = h.end()) {
            if (h.type() == QuicPacketType.INITIAL) {
                return h.end();
            }
            end = h.end();
        }
        return Math.max(end, datagram.length);
    }
}
