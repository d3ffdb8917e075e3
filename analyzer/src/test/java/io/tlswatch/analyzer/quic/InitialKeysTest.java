package io.tlswatch.analyzer.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/**
 * Initial secrets and keys against RFC 9001 Appendix A.1 (version 1) and RFC 9369 Appendix A.1
 * (version 2), DCID 0x8394c8f03e515708; the versions whose keys are known.
 */
class InitialKeysTest {
    private static final byte[] DCID = Hex.bytes("8394c8f03e515708");
    private final Hkdf hkdf = new Hkdf();

    @Test
    void hkdfLabelsAreTheBytesTheRfcsList() {
        assertArrayEquals(Hex.bytes("00200f746c73313320636c69656e7420696e00"), Hkdf.label("client in", 32));
        assertArrayEquals(Hex.bytes("00200f746c7331332073657276657220696e00"), Hkdf.label("server in", 32));
        assertArrayEquals(Hex.bytes("00100e746c7331332071756963206b657900"), QuicVersion.V1.keyLabel());
        assertArrayEquals(Hex.bytes("000c0d746c733133207175696320697600"), QuicVersion.V1.ivLabel());
        assertArrayEquals(Hex.bytes("00100d746c733133207175696320687000"), QuicVersion.V1.hpLabel());
        assertArrayEquals(Hex.bytes("001010746c73313320717569637632206b657900"), QuicVersion.V2.keyLabel());
        assertArrayEquals(Hex.bytes("000c0f746c7331332071756963763220697600"), QuicVersion.V2.ivLabel());
        assertArrayEquals(Hex.bytes("00100f746c7331332071756963763220687000"), QuicVersion.V2.hpLabel());
    }

    @Test
    void version1SecretsAndClientKeysMatchRfc9001AppendixA1() {
        byte[] initialSecret = hkdf.extract(QuicVersion.V1.initialSalt(), DCID, 0, DCID.length);
        assertArrayEquals(Hex.bytes("7db5df06e7a69e432496adedb0085192 3595221596ae2ae9fb8115c1e9ed0a44"),
                initialSecret);
        assertArrayEquals(Hex.bytes("c00cf151ca5be075ed0ebfb5c80323c4 2d6b7db67881289af4008f1f6c357aea"),
                hkdf.expandLabel(initialSecret, QuicVersion.V1.clientInLabel(), 32));

        QuicInitialKeys client = QuicInitialKeys.client(QuicVersion.V1, DCID, 0, DCID.length, hkdf);
        assertArrayEquals(Hex.bytes("1f369613dd76d5467730efcbe3b1a22d"), client.key());
        assertArrayEquals(Hex.bytes("fa044b2f42a3fd3b46fb255c"), client.iv());
        assertArrayEquals(Hex.bytes("9f50449e04a0e810283a1e9933adedd2"), client.hp());
    }

    @Test
    void version1ServerKeysMatchRfc9001AppendixA1() {
        byte[] initialSecret = hkdf.extract(QuicVersion.V1.initialSalt(), DCID, 0, DCID.length);
        byte[] serverSecret = hkdf.expandLabel(initialSecret, Hkdf.label("server in", 32), 32);
        assertArrayEquals(Hex.bytes("3c199828fd139efd216c155ad844cc81 fb82fa8d7446fa7d78be803acdda951b"),
                serverSecret);

        QuicInitialKeys server = QuicInitialKeys.fromSecret(QuicVersion.V1, DCID, serverSecret, hkdf);
        assertArrayEquals(Hex.bytes("cf3a5331653c364c88f0f379b6067e37"), server.key());
        assertArrayEquals(Hex.bytes("0ac1493ca1905853b0bba03e"), server.iv());
        assertArrayEquals(Hex.bytes("c206b8d9b9f0f37644430b490eeaa314"), server.hp());
    }

    @Test
    void version2SecretsAndKeysMatchRfc9369AppendixA1() {
        byte[] initialSecret = hkdf.extract(QuicVersion.V2.initialSalt(), DCID, 0, DCID.length);
        assertArrayEquals(Hex.bytes("2062e8b3cd8d52092614b8071d0aa1fb 7c2e3ac193f78b280e72d8f5751f6aba"),
                initialSecret);
        assertArrayEquals(Hex.bytes("14ec9d6eb9fd7af83bf5a668bc17a7e2 83766aade7ecd0891f70f9ff7f4bf47b"),
                hkdf.expandLabel(initialSecret, QuicVersion.V2.clientInLabel(), 32));

        QuicInitialKeys client = QuicInitialKeys.client(QuicVersion.V2, DCID, 0, DCID.length, hkdf);
        assertArrayEquals(Hex.bytes("8b1a0bc121284290a29e0971b5cd045d"), client.key());
        assertArrayEquals(Hex.bytes("91f73e2351d8fa91660e909f"), client.iv());
        assertArrayEquals(Hex.bytes("45b95e15235d6f45a6b19cbcb0294ba9"), client.hp());

        byte[] serverSecret = hkdf.expandLabel(initialSecret, Hkdf.label("server in", 32), 32);
        QuicInitialKeys server = QuicInitialKeys.fromSecret(QuicVersion.V2, DCID, serverSecret, hkdf);
        assertArrayEquals(Hex.bytes("82db637861d55e1d011f19ea71d5d2a7"), server.key());
        assertArrayEquals(Hex.bytes("dd13c276499c0249d3310652"), server.iv());
        assertArrayEquals(Hex.bytes("edf6d05c83121201b436e16877593c3a"), server.hp());
    }

    @Test
    void hkdfExpandLongerThanOneHashBlockFollowsRfc5869() {
        // RFC 5869 Appendix A.1 (Test Case 1): PRK and info are the test case's, L = 42.
        byte[] prk = Hex.bytes("077709362c2e32df0ddc3f0dc47bba63 90b6c73bb50f9c3122ec844ad7c2b3e5");
        byte[] info = Hex.bytes("f0f1f2f3f4f5f6f7f8f9");
        assertArrayEquals(Hex.bytes("3cb25f25faacd57a90434f64d0362f2a 2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865"), hkdf.expandLabel(prk, info, 42));
        assertArrayEquals(prk, hkdf.extract(Hex.bytes("000102030405060708090a0b0c"),
                Hex.bytes("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), 0, 22));
    }

    @Test
    void versionsMapToTheirInitialKeys() {
        assertEquals(QuicVersion.V1, QuicVersion.of(0x00000001));
        assertEquals(QuicVersion.V2, QuicVersion.of(0x6b3343cf));
        assertEquals(QuicVersion.V1, QuicVersion.of(0xff000022), "draft 34 already used the RFC salt");
        assertEquals(QuicVersion.DRAFT_29, QuicVersion.of(0xff00001d));
        assertEquals(QuicVersion.DRAFT_29, QuicVersion.of(0xff000020));
        assertEquals(QuicVersion.DRAFT_23, QuicVersion.of(0xff000018));
        assertEquals(QuicVersion.DRAFT_23, QuicVersion.of(0xfaceb00e));
        assertEquals(QuicVersion.DRAFT_22, QuicVersion.of(0xfaceb001));
        assertNull(QuicVersion.of(0xff000015), "draft 21 and before: unknown");
        assertNull(QuicVersion.of(0x709a50c4), "the v2 draft codepoint is not RFC 9369's");
        assertNull(QuicVersion.of(0x54303530), "Google QUIC T050");
        assertNull(QuicVersion.of(0x1a2a3a4a));
    }

    @Test
    void reservedVersionsAreThoseOfRfc9000Section15() {
        assertEquals(true, QuicLayout.isReservedVersion(0x0a0a0a0a));
        assertEquals(true, QuicLayout.isReservedVersion(0x1a2a3a4a));
        assertEquals(true, QuicLayout.isReservedVersion(0xfafafafa));
        assertEquals(false, QuicLayout.isReservedVersion(0x0a0a0a0b));
        assertEquals(false, QuicLayout.isReservedVersion(QuicLayout.VERSION_1));
    }

    @Test
    void version2RenumbersLongPacketTypes() {
        assertEquals(QuicPacketType.INITIAL, QuicVersion.V1.packetType(0));
        assertEquals(QuicPacketType.RETRY, QuicVersion.V1.packetType(3));
        assertEquals(QuicPacketType.RETRY, QuicVersion.V2.packetType(0));
        assertEquals(QuicPacketType.INITIAL, QuicVersion.V2.packetType(1));
        assertEquals(QuicPacketType.ZERO_RTT, QuicVersion.V2.packetType(2));
        assertEquals(QuicPacketType.HANDSHAKE, QuicVersion.V2.packetType(3));
        for (QuicPacketType type : QuicPacketType.values()) {
            assertEquals(type, QuicVersion.V2.packetType(QuicVersion.V2.typeBits(type)));
        }
    }
}
