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
 * random bytes, and random frames under valid protection (the only way past the AEAD), from
 * either side. Nothing may throw, nothing broken may come out as a ClientHello or a ServerHello,
 * and every datagram is accounted for.
 */
class HostileDatagramTest {
    private static final List<String> RESOURCES = List.of("suricata-quic-retry.datagrams",
            "suricata-quic-frag-unordered.datagrams", "zeek-quicv2-http3.datagrams", "tcpdump-quic-vn.datagrams",
            "tcpdump-quic-retry.datagrams");

    private final QuicInitialDecoder decoder = new QuicInitialDecoder();

    @Test
    void everyCutOfARealDatagramIsCountedInEitherDirection() {
        List<byte[]> datagrams = new ArrayList<>(List.of(RfcVectors.v1Packet(), RfcVectors.v2Packet(),
                RfcVectors.v1ServerPacket(), RfcVectors.v2ServerPacket()));
        for (String resource : RESOURCES) {
            Datagrams.load(resource).forEach(d -> datagrams.add(d.bytes()));
        }
        for (byte[] datagram : datagrams) {
            int helloAt = firstPacketEnd(datagram);
            for (int cut = 1; cut <= datagram.length; cut++) {
                QuicCounters counters = new QuicCounters();
                QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
                tracker.feedFromServer(datagram, 0, cut, 0);
                tracker.feedFromClient(datagram, 0, cut, 0);

                assertTrue(tracker.clientHello() == null || cut >= helloAt, "a hello from a cut packet, cut at " + cut);
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
                    QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);

                    tracker.feedFromClient(broken, 0, broken.length, 0);

                    assertNull(tracker.clientHello(), "byte " + i + " ^ " + flip);
                    assertEquals(0, counters.get(QuicOutcome.CLIENT_INITIAL), "byte " + i + " ^ " + flip);
                }
            }
        }
    }

    @Test
    void noOneByteChangeToAnRfcServerInitialGivesAServerHello() {
        List<byte[][]> exchanges = List.of(new byte[][] {RfcVectors.v1Packet(), RfcVectors.v1ServerPacket()},
                new byte[][] {RfcVectors.v2Packet(), RfcVectors.v2ServerPacket()});
        for (byte[][] exchange : exchanges) {
            byte[] packet = exchange[1];
            for (int i = 0; i < packet.length; i++) {
                byte[] broken = packet.clone();
                broken[i] ^= 0x01;
                QuicCounters counters = new QuicCounters();
                QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
                tracker.feedFromClient(exchange[0], 0, exchange[0].length, 0);

                QuicHandshake handshake = tracker.feedFromServer(broken, 0, broken.length, 1);

                assertNull(handshake, "byte " + i);
                assertEquals(0, counters.get(QuicOutcome.SERVER_INITIAL), "byte " + i);
                assertEquals(QuicInitialTracker.State.READING_SERVER_HELLO, tracker.state(), "byte " + i);
            }
        }
    }

    @Test
    void theUnbrokenPacketsDoGiveTheirHellos() {
        List<byte[][]> exchanges = List.of(new byte[][] {RfcVectors.v1Packet(), RfcVectors.v1ServerPacket()},
                new byte[][] {RfcVectors.v2Packet(), RfcVectors.v2ServerPacket()});
        for (byte[][] exchange : exchanges) {
            QuicInitialTracker tracker = new QuicInitialTracker(decoder, new QuicCounters());
            tracker.feedFromClient(exchange[0], 0, exchange[0].length, 0);

            QuicHandshake handshake = tracker.feedFromServer(exchange[1], 0, exchange[1].length, 1);

            assertNotNull(handshake);
            assertNotNull(handshake.serverHello());
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
            tracker.feedFromServer(datagram, 0, datagram.length, i);
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
            skipped += tracker.state() == QuicInitialTracker.State.DONE
                    || tracker.state() == QuicInitialTracker.State.GAVE_UP ? 1 : 0;
            tracker.feedFromClient(packet, 0, packet.length, i);
        }
        assertEquals(600 - skipped, counters.get(QuicOutcome.CLIENT_INITIAL), "every packet tried opened: "
                + counters);
        assertTrue(counters.get(QuicOutcome.FRAMES_MALFORMED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.FRAME_NOT_ALLOWED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.CLIENT_HELLO_MALFORMED) > 0, counters.toString());
    }

    @Test
    void randomServerFramesUnderValidProtectionAreCountedNeverThrown() {
        Random random = new Random(9002);
        QuicPacketWriter writer = new QuicPacketWriter();
        QuicCounters counters = new QuicCounters();
        byte[] client = RfcVectors.v1Packet();
        int tried = 0;
        for (int connection = 0; connection < 100; connection++) {
            QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
            tracker.feedFromClient(client, 0, client.length, 0);
            for (int pn = 0; pn < 6 && tracker.state() == QuicInitialTracker.State.READING_SERVER_HELLO; pn++) {
                byte[] frames = concat(randomFrames(random, 2), new byte[20]);
                byte[] packet = writer.serverInitial(QuicLayout.VERSION_1, RfcVectors.DCID, new byte[0],
                        RfcVectors.SERVER_SCID, pn, 2, frames);
                QuicHandshake handshake = tracker.feedFromServer(packet, 0, packet.length, pn);
                tried++;
                assertTrue(handshake == null || tracker.state() == QuicInitialTracker.State.DONE
                        && handshake.serverHellos() >= (handshake.serverHello() == null ? 0 : 1), "pn " + pn);
            }
        }
        assertEquals(tried, counters.get(QuicOutcome.SERVER_INITIAL), "every packet tried opened: " + counters);
        assertTrue(counters.get(QuicOutcome.FRAMES_MALFORMED) > 0, counters.toString());
        assertTrue(counters.get(QuicOutcome.SERVER_HELLO_MALFORMED) + counters.get(QuicOutcome.CRYPTO_NOT_SERVER_HELLO)
                > 0, counters.toString());
    }

    @Test
    void slicesOutsideTheBufferAreCountedNotThrown() {
        QuicCounters counters = new QuicCounters();
        QuicInitialTracker tracker = new QuicInitialTracker(decoder, counters);
        byte[] b = RfcVectors.v1Packet();

        tracker.feedFromClient(b, -1, 10, 0);
        tracker.feedFromClient(b, 1190, 20, 0);
        tracker.feedFromServer(b, 0, 0, 0);
        tracker.feedFromClient(b, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);

        assertEquals(4, counters.get(QuicOutcome.PACKET_MALFORMED));
    }

    /** A run of frames of the types an Initial carries and some it may not, with random fields. */
    private static byte[] randomFrames(Random random) {
        return randomFrames(random, 1);
    }

    /** The same, where CRYPTO data often starts like a handshake message of type {@code helloType}. */
    private static byte[] randomFrames(Random random, int helloType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(6);
        for (int f = 0; f < count; f++) {
            switch (random.nextInt(7)) {
                case 0 -> out.writeBytes(new byte[1 + random.nextInt(30)]);
                case 1 -> out.writeBytes(concat(Hex.bytes("02"), varInt(random.nextInt(1000)), varInt(3),
                        varInt(random.nextInt(5)), varInt(0), Hex.bytes("0101")));
                case 2 -> out.writeBytes(concat(Hex.bytes("06"), varInt(randomOffset(random)),
                        varInt(random.nextInt(300)), randomHelloStart(random, helloType)));
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

    /** Data that often starts like a hello's header, with a random length, then junk. */
    private static byte[] randomHelloStart(Random random, int helloType) {
        byte[] data = new byte[random.nextInt(300)];
        random.nextBytes(data);
        if (data.length >= 4 && random.nextBoolean()) {
            data[0] = (byte) helloType;
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
