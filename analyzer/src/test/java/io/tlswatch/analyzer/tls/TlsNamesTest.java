package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Registry names (IANA TLS parameters) and the GREASE rule (RFC 8701 §2). */
class TlsNamesTest {
    @Test
    void greaseIsTheSixteenValuesOfTheFormXaXa() {
        int count = 0;
        for (int v = 0; v <= 0xffff; v++) {
            if (TlsNames.isGrease(v)) {
                count++;
                assertEquals(0x0a, v & 0x0f);
                assertEquals(v >> 8, v & 0xff);
            }
        }
        assertEquals(16, count);
        assertTrue(TlsNames.isGrease(0xfafa));
        assertFalse(TlsNames.isGrease(0x0a1a));
        assertEquals("GREASE", TlsNames.cipherSuiteName(0x2a2a));
    }

    @Test
    void versionsNamedForPeopleAndForEcs() {
        assertEquals("TLSv1.2", TlsNames.versionName(0x0303));
        assertEquals("1.2", TlsNames.ecsVersion(0x0303));
        assertEquals("tls", TlsNames.ecsVersionProtocol(0x0303));
        assertEquals("SSLv3", TlsNames.versionName(0x0300));
        assertEquals("3.0", TlsNames.ecsVersion(0x0300));
        assertEquals("ssl", TlsNames.ecsVersionProtocol(0x0300));
        assertEquals("TLSv1.0", TlsNames.versionName(0x0301));
        assertEquals("TLSv1.3-draft18", TlsNames.versionName(0x7f12));
        assertEquals("1.3", TlsNames.ecsVersion(0x7f12));
        assertEquals("SSLv2", TlsNames.versionName(0x0002));
        assertEquals("0x0305", TlsNames.versionName(0x0305));
        assertNull(TlsNames.ecsVersion(0x0305));
        assertNull(TlsNames.ecsVersionProtocol(0x0305));
    }

    @Test
    void cipherSuitesHaveTheirIanaNames() {
        assertEquals("TLS_AES_128_GCM_SHA256", TlsNames.cipherSuiteName(0x1301));
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", TlsNames.cipherSuiteName(0xc02f));
        assertEquals("TLS_RSA_WITH_RC4_128_MD5", TlsNames.cipherSuiteName(0x0004));
        assertEquals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", TlsNames.cipherSuiteName(0x00ff));
        assertEquals("TLS_FALLBACK_SCSV", TlsNames.cipherSuiteName(0x5600));
        assertEquals("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", TlsNames.cipherSuiteName(0xcca9));
        assertEquals("0x1399", TlsNames.cipherSuiteName(0x1399));
    }

    @Test
    void extensionsHandshakesAlertsAndContentTypes() {
        assertEquals("server_name", TlsNames.extensionName(0));
        assertEquals("application_layer_protocol_negotiation", TlsNames.extensionName(16));
        assertEquals("key_share", TlsNames.extensionName(51));
        assertEquals("encrypted_client_hello", TlsNames.extensionName(0xfe0d));
        assertEquals("renegotiation_info", TlsNames.extensionName(0xff01));
        assertEquals("GREASE", TlsNames.extensionName(0x6a6a));
        assertEquals("certificate_status", TlsNames.handshakeTypeName(22));
        assertTrue(TlsNames.isAssignedHandshakeType(HandshakeLayout.FINISHED));
        assertFalse(TlsNames.isAssignedHandshakeType(99));
        assertEquals("handshake_failure", TlsNames.alertDescriptionName(40));
        assertEquals("ech_required", TlsNames.alertDescriptionName(121));
        assertEquals("fatal", TlsNames.alertLevelName(2));
        assertEquals("application_data", TlsNames.contentTypeName(23));
    }

    @Test
    void everyRegistryTableLoads() {
        int[] sizes = TlsNames.tableSizes();
        assertTrue(sizes[0] > 400, "cipher suites: " + sizes[0]);
        assertTrue(sizes[1] > 60, "extensions: " + sizes[1]);
        assertTrue(sizes[2] > 20, "handshake types: " + sizes[2]);
        assertTrue(sizes[3] > 30, "alerts: " + sizes[3]);
    }
}
