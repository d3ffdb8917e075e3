package io.tlswatch.capture.decode;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.testkit.Hex;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Packet bytes for the decoder tests, most cut from corpus captures with {@code tshark -x} (the
 * capture and frame are named), and helpers to decode them and to state expected addresses.
 */
final class Vectors {
    /** zeek/smtp.pcap frame 8: Ethernet, IPv4 TCP ACK 74.53.140.153:25 -> 10.10.1.4:1470, 6 bytes of Ethernet padding. */
    static final String ETHERNET_PADDED = """
            00 e0 1c 3c 17 c2 00 1f 33 d9 81 60 08 00        // Ethernet, type IPv4
            45 60 00 28 21 e3 40 00 32 06 44 b1 4a 35 8c 99  // IPv4 total length 40, TTL 50
            0a 0a 01 04
            00 19 05 be ae ec 62 65 7e c4 53 ba 50 10 16 d0  // TCP 25 -> 1470, ACK, window 5840
            cd 80 00 00
            00 00 b3 d5 18 d0                                // padding to 60 bytes
            """;

    /** arkime/mysql-tls.pcap frame 1: Ethernet, 802.1Q VLAN 50, IPv4 TCP SYN 10.10.10.10:41324 -> 10.10.10.11:3306. */
    static final String VLAN = """
            2c 6b f5 d6 17 cc 2c 6b f5 d6 17 c5 81 00        // Ethernet, type 802.1Q
            00 32 08 00                                      // VLAN 50, type IPv4
            45 00 00 3c f7 27 40 00 3d 06 2b 8b 0a 0a 0a 0a 0a 0a 0a 0b
            a1 6c 0c ea ab 25 b3 5f 00 00 00 00 a0 02 72 10  // TCP SYN, 40-byte header
            f3 a8 00 00 02 04 05 b4 04 02 08 0a 75 e9 44 78 00 00 00 00 01 03 03 07
            """;

    /** zeek/pppoe-over-qinq.pcap frame 3: QinQ 3704/2474, PPPoE session, PPP IPv4, TCP ACK 1.1.1.1:20394 -> 2.2.2.2:443. */
    static final String PPPOE_QINQ = """
            00 00 00 00 00 01 00 00 00 00 00 00 81 00        // Ethernet, type 802.1Q
            0e 78 81 00                                      // VLAN 3704, type 802.1Q
            09 aa 88 64                                      // VLAN 2474, type PPPoE session
            11 00 0f 07 00 2a 00 21                          // PPPoE v1 session 0x0f07 length 42, PPP IPv4
            45 00 00 28 00 00 40 00 3f 06 35 cb 01 01 01 01 02 02 02 02
            4f aa 01 bb d7 a8 41 56 fc 90 a2 ff 50 10 10 00 8f da 00 00
            """;

    /** mitmengine/misc__tor-android__tor.android.hello.pcap frame 1: Linux SLL, IPv4 TCP SYN 94.242.246.24:38464 -> 10.158.109.220:443. */
    static final String SLL = """
            00 00 00 01 00 06 fe ff ff ff ff ff 00 00 08 00  // SLL: to us, ARPHRD 1, protocol IPv4
            45 00 00 34 e5 b6 40 00 27 06 a0 88 5e f2 f6 18 0a 9e 6d dc
            96 40 01 bb e3 48 b0 8c 00 00 00 00 80 02 39 08 3c b0 00 00
            02 04 05 b4 01 01 04 02 01 03 03 0a
            """;

    /** zeek/tls__openjdk-25.0.2-zeek.org.pcap frame 1: Linux SLL2, IPv4 TCP SYN 192.168.64.6:55058 -> 192.0.78.150:443. */
    static final String SLL2 = """
            08 00 00 00 00 00 00 02 00 01 04 06 fa 37 dc 8d af ab 00 00  // SLL2: protocol IPv4, ifindex 2
            45 00 00 3c 7b a7 40 00 40 06 af cf c0 a8 40 06 c0 00 4e 96
            d7 12 01 bb 3a 10 e0 2e 00 00 00 00 a0 02 fa f0 34 88 00 00
            02 04 05 b4 04 02 08 0a 9c 3b 79 f9 00 00 00 00 01 03 03 07
            """;

    /** arkime/ssl-selfsign.pcap frame 1: BSD NULL (little-endian AF_INET), IPv4 TCP SYN 10.180.152.137:60101 -> :4443. */
    static final String NULL_IPV4 = """
            02 00 00 00                                      // AF_INET, host order (little-endian)
            45 00 00 40 2e 72 40 00 40 06 00 00 0a b4 98 89 0a b4 98 89
            ea c5 11 5b c3 22 8c ce 00 00 00 00 b0 02 ff ff 46 ad 00 00
            02 04 3f d8 01 03 03 05 01 01 08 0a 8f 14 16 88 00 00 00 00 04 02 00 00
            """;

    /** suricata-verify/tls__tls-store-02__tls-client-auth.pcap frame 1: NULL, AF_INET6 = 30 (macOS), TCP SYN [::1]:58606 -> [::1]:8081. */
    static final String NULL_IPV6 = """
            1e 00 00 00                                      // AF_INET6 (30), little-endian
            60 0c 78 25 00 2c 06 40                          // IPv6 payload 44, next TCP, hop limit 64
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
            e4 ee 1f 91 5b 21 fa cb 00 00 00 00 b0 02 ff ff 00 34 00 00
            02 04 3f c4 01 03 03 05 01 01 08 0a 15 b7 71 f2 00 00 00 00 04 02 00 00
            """;

    /** suricata-verify/linktype-228__flow-test-01.pcap frame 3: LINKTYPE_IPV4, TCP ACK 192.168.0.2:15057 -> 192.168.0.1:443. */
    static final String RAW_IPV4 = """
            45 00 00 28 00 01 00 00 40 06 f9 7b c0 a8 00 02 c0 a8 00 01
            3a d1 01 bb 00 00 00 0b 00 00 00 65 50 10 20 00 d1 84 00 00
            """;

    /** ndpi/dlt_ppp.pcap frame 1, first 40 of 1230 bytes: PPP, IPv4 UDP 193.167.0.252:44083 -> 193.167.100.100:443 (QUIC). */
    static final String PPP_CUT = """
            00 21                                            // PPP protocol IPv4 (no address/control)
            45 02 04 cc 41 3d 40 00 3f 11 0d 33 c1 a7 00 fc c1 a7 64 64  // total length 1228
            ac 33 01 bb 04 b8 00 00                          // UDP length 1208
            cf ff 00 00 1d 0c b7 12 29 3a                    // first payload bytes; the snap length cut the rest
            """;

    /** ndpi/android.pcap frame 65: Ethernet, IPv6 hop-by-hop (router alert), ICMPv6 MLDv2 report. */
    static final String IPV6_HOP_BY_HOP = """
            33 33 00 00 00 16 4c 6a f6 9f f6 27 86 dd
            60 00 00 00 00 24 00 01                          // payload 36, next hop-by-hop, hop limit 1
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 16
            3a 00 05 02 00 00 01 00                          // hop-by-hop: next ICMPv6, router alert
            8f 00 78 c3 00 00 00 01 04 00 00 00 ff 02 00 00 00 00 00 00 00 00 00 00 00 01 ff 9f f6 27
            """;

    /** ndpi/6in4tunnel.pcap frame 22: Ethernet, IPv4 protocol 41, IPv6 TCP SYN [2001:470:1f17:13f:3e97:eff:fe73:4dec]:53234 -> :443. */
    static final String SIX_IN_FOUR = """
            00 22 90 de 3b d9 00 00 24 ce 81 34 08 00
            45 00 00 64 b8 98 40 00 ff 29 14 38 ae 03 49 18 b8 69 ff 1a  // IPv4 protocol 41
            60 00 00 00 00 28 06 3f                          // IPv6 payload 40, TCP, hop limit 63
            20 01 04 70 1f 17 01 3f 3e 97 0e ff fe 73 4d ec
            2a 03 28 80 10 10 6f 03 fa ce b0 0c 00 00 00 02
            cf f2 01 bb 27 75 58 ac 00 00 00 00 a0 02 70 80 1f 27 00 00
            02 04 05 a0 04 02 08 0a 27 79 e3 f2 00 00 00 00 01 03 03 07
            """;

    /** ndpi/4in6tunnel.pcap frame 1: Ethernet, IPv6 next header 4, IPv4 TCP SYN 192.168.0.1:64455 -> 10.10.10.1:443, 48-byte trailer. */
    static final String FOUR_IN_SIX = """
            00 01 02 ba 76 8e 00 00 00 49 f4 87 86 dd
            60 00 00 00 00 34 04 3f                          // IPv6 payload 52, next IPv4
            22 e0 16 85 ed a7 38 cc 58 bd f3 f1 aa 3f 22 d8
            34 4a ba 94 15 2a ac 34 00 00 00 00 00 00 00 2a
            45 00 00 34 7b f0 40 00 7f 06 ab 1f c0 a8 00 01 0a 0a 0a 01
            fb c7 01 bb df e1 3e 82 00 00 00 00 80 02 ff ff 7e a5 00 00
            02 04 05 84 01 03 03 08 01 01 04 02
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  // 48 bytes after the IPv6 payload
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            """;

    /** zeek/tunnels__gtp__gtp6_gtp_0x32.pcap frame 4: IPv4 UDP 2152 GTP-U (with sequence), inner IPv4 TCP ACK 10.222.10.10:44960 -> 173.194.69.188:5228. */
    static final String GTP_U = """
            00 00 0c 07 ac e8 88 e0 f3 c8 bf f0 08 00
            45 68 00 58 d8 f9 00 00 3c 11 19 c0 4f bc 9a 5b f3 95 ad c6
            08 68 08 68 00 44 88 be                          // UDP 2152 -> 2152
            30 ff 00 34 76 0d 3b b0                          // GTPv1, PT, G-PDU, length 52, TEID
            45 00 00 34 a1 43 40 00 40 06 91 1a 0a de 0a 0a ad c2 45 bc
            af a0 14 6c 44 26 2b a2 3d 04 5c 1e 80 10 7d 78 c4 50 00 00
            01 01 08 0a 00 0c 8c d1 c5 1c 0d 9c
            """;

    /** zeek/tunnels__geneve-47101.pcap frame 3: IPv4 UDP 6081 Geneve, inner Ethernet, IPv4 TCP ACK 192.168.0.107:45474 -> 145.40.68.75:443. */
    static final String GENEVE = """
            00 00 00 00 00 00 00 00 00 00 00 00 08 00
            45 00 00 66 e5 e0 40 00 40 11 56 a4 7f 00 00 01 7f 00 00 01
            b7 fd 17 c1 00 52 00 00                          // UDP 47101 -> 6081
            00 00 65 58 00 10 92 00                          // Geneve: no options, Ethernet, VNI 0x001092
            38 43 7d c8 78 8e 50 eb 71 47 df c4 08 00
            45 00 00 34 45 51 40 00 3f 06 5f ec c0 a8 00 6b 91 28 44 4b
            b1 a2 01 bb 84 9c f0 ce fe ad 7b cc 80 10 01 f6 2b d4 00 00
            01 01 08 0a 22 7a 8c 24 6a 47 f6 42
            """;

    private Vectors() {
    }

    static PacketRecord record(int linkType, byte[] bytes) {
        PacketRecord r = new PacketRecord();
        r.set(bytes, 0, bytes.length, bytes.length, 0, linkType, 0);
        return r;
    }

    static PacketRecord record(int linkType, String hex) {
        return record(linkType, Hex.bytes(hex));
    }

    static DecodedPacket decode(PacketRecord r, DecodeOutcome expected) {
        DecodedPacket out = new DecodedPacket();
        DecodeOutcome outcome = new StandardPacketDecoder().decode(r, out);
        if (outcome != expected) {
            throw new AssertionError("expected " + expected + " but decoded " + outcome);
        }
        return out;
    }

    /** The low long of an IPv4-mapped IPv6 address, computed by the JDK. */
    static long mapped(String ipv4) {
        try {
            byte[] a = InetAddress.getByName(ipv4).getAddress();
            return 0x0000ffff_00000000L | (ByteBuffer.wrap(a).getInt() & 0xffffffffL);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static long hi(String ipv6) {
        return ByteBuffer.wrap(v6(ipv6)).getLong(0);
    }

    static long lo(String ipv6) {
        return ByteBuffer.wrap(v6(ipv6)).getLong(8);
    }

    private static byte[] v6(String ipv6) {
        try {
            return InetAddress.getByName(ipv6).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
