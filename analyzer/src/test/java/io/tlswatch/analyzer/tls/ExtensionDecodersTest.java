package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.ClientHelloTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** extension_data decoders: RFC 6066 §3, RFC 7301 §3.1, RFC 8446 §4.2, RFC 8422 §5.1. */
class ExtensionDecodersTest {
    @Test
    void serverNameTakesTheFirstHostNameAmongOtherNameTypes() {
        byte[] data = Hex.bytes("""
                00 14                                   // server_name_list length 20
                07 00 03 61 62 63                       // NameType 7 (not host_name), "abc"
                00 00 0b 65 78 61 6d 70 6c 65 2e 63 6f 6d  // host_name "example.com"
                """);
        assertEquals("example.com", new String(ExtensionDecoders.serverName(data).value(), StandardCharsets.US_ASCII));
    }

    @Test
    void serverNameListMustNotBeEmptyNorHostNameEmpty() {
        assertFailure(ExtensionDecoders.serverName(Hex.bytes("00 00")), TlsParseError.BAD_LENGTH,
                "server_name.server_name_list");
        assertFailure(ExtensionDecoders.serverName(Hex.bytes("00 03 00 00 00")), TlsParseError.BAD_LENGTH,
                "server_name.host_name");
        assertFailure(ExtensionDecoders.serverName(Hex.bytes("00 05 00 00 01 61")), TlsParseError.TRUNCATED,
                "server_name.server_name_list");
    }

    @Test
    void alpnNamesMustNotBeEmpty() {
        assertEquals(2, ExtensionDecoders.alpn(Hex.bytes("00 0c 02 68 32 08 68 74 74 70 2f 31 2e 31")).value().size());
        assertFailure(ExtensionDecoders.alpn(Hex.bytes("00 02 00 00")), TlsParseError.BAD_LENGTH,
                "application_layer_protocol_negotiation.ProtocolName");
    }

    @Test
    void supportedVersionsIsAListFromTheClientAndOneValueFromTheServer() {
        assertArrayEquals(new int[] {0x0a0a, 0x0304, 0x0303},
                ExtensionDecoders.clientSupportedVersions(Hex.bytes("06 0a 0a 03 04 03 03")).value());
        assertFailure(ExtensionDecoders.clientSupportedVersions(Hex.bytes("03 03 04 03")), TlsParseError.BAD_LENGTH,
                "supported_versions.versions");
        assertEquals(0x0304, ExtensionDecoders.serverSupportedVersion(Hex.bytes("03 04")).value());
    }

    @Test
    void clientKeyShareListsGroupsAndRejectsEmptyKeys() {
        assertArrayEquals(new int[] {0x1d, 0x17},
                ExtensionDecoders.clientKeyShareGroups(Hex.bytes("00 0a 00 1d 00 01 aa 00 17 00 01 bb")).value());
        assertArrayEquals(new int[0], ExtensionDecoders.clientKeyShareGroups(Hex.bytes("00 00")).value(),
                "an empty client_shares asks for a HelloRetryRequest");
        assertFailure(ExtensionDecoders.clientKeyShareGroups(Hex.bytes("00 04 00 1d 00 00")), TlsParseError.BAD_LENGTH,
                "key_share.key_exchange");
    }

    @Test
    void serverKeyShareIsAnEntryOrAnHrrSelectedGroup() {
        assertEquals(0x1d, ExtensionDecoders.serverKeyShareGroup(Hex.bytes("00 1d 00 02 aa bb"), false).value());
        assertEquals(0x17, ExtensionDecoders.serverKeyShareGroup(Hex.bytes("00 17"), true).value());
        assertFailure(ExtensionDecoders.serverKeyShareGroup(Hex.bytes("00 17"), false), TlsParseError.TRUNCATED,
                "key_share.key_exchange");
    }

    @Test
    void byteListsNeedAtLeastOneEntry() {
        assertArrayEquals(new int[] {0, 1, 2}, ExtensionDecoders.ecPointFormats(Hex.bytes("03 00 01 02")).value());
        assertFailure(ExtensionDecoders.pskKeyExchangeModes(Hex.bytes("00")), TlsParseError.BAD_LENGTH,
                "psk_key_exchange_modes.ke_modes");
    }

    @Test
    void groupAndSignatureListsAreEvenLengthed() {
        assertArrayEquals(new int[] {0x1d, 0x17},
                ExtensionDecoders.supportedGroups(Hex.bytes("00 04 00 1d 00 17")).value());
        assertFailure(ExtensionDecoders.signatureAlgorithms(Hex.bytes("00 03 04 03 05")), TlsParseError.BAD_LENGTH,
                "signature_algorithms.supported_signature_algorithms");
        assertFailure(ExtensionDecoders.supportedGroups(Hex.bytes("00 04 00 1d 00 17 00")),
                TlsParseError.TRAILING_BYTES, "supported_groups.named_group_list");
    }
}
