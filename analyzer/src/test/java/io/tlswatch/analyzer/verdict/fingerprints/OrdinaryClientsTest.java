package io.tlswatch.analyzer.verdict.fingerprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator's rules for a product's hello that an ordinary client's could be taken for. The
 * JA3 texts are those of hellos in mitmengine's captures (named at each), used as inputs; the
 * fingerprints beside them are labels, only compared for equality.
 */
class OrdinaryClientsTest {
    /** Internet Explorer 10 on Windows 7: misc/computer-windows-7-ie-10, Schannel. */
    private static final String IE10 = "771,49192-49191-49172-49171-159-158-157-156-61-60-53-47-49196-49195-49188-49187"
            + "-49162-49161-106-64-56-50-10-19-5-4,0-5-10-11-13-23-65281,23-24,0";
    /** Chrome 50 on Windows 7: misc/windows-7-no-av-chrome-50, without padding. */
    private static final String CHROME50 = "771,49195-49199-52393-52392-52244-52243-49162-49172-49161-49171-156-53-47-10,"
            + "65281-0-23-35-13-5-13172-18-16-30032-11-10,29-23-24,0";
    /** Fortinet FortiGate: middleboxes/fortigate. */
    private static final String FORTIGATE = "771,49195-49199-49172-49162-49161-49171-57-51-53-47-10,10-11-0-13,23-24-25,0";

    private final OrdinaryClients ordinary = new OrdinaryClients();

    @BeforeEach
    void ordinaryClients() {
        ordinary.add(new SeenHello("ie10-ja4", "ie10-ja3", IE10), "misc/computer-windows-7-ie-10/handshake.pcap");
        ordinary.add(new SeenHello("chrome50-ja4", "chrome50-ja3", CHROME50), "misc/windows-7-no-av-chrome-50/handshake.pcap");
    }

    @Test
    void productsOwnHelloIsNotLikeAnyOrdinaryClients() {
        assertEquals(List.of(), ordinary.resemblance(new SeenHello("fortigate-ja4", "fortigate-ja3", FORTIGATE)));
    }

    @Test
    void sameJa4OrSameJa3IsAnOrdinaryClients() {
        assertEquals(List.of("same JA4 as misc/computer-windows-7-ie-10/handshake.pcap"),
                ordinary.resemblance(new SeenHello("ie10-ja4", "fortigate-ja3", FORTIGATE)));
        assertEquals(List.of("same JA3 as misc/computer-windows-7-ie-10/handshake.pcap"),
                ordinary.resemblance(new SeenHello("fortigate-ja4", "ie10-ja3", IE10)));
    }

    @Test
    void sameHelloWithPaddingIsAnOrdinaryClients() {
        String padded = CHROME50.replace("-11-10,", "-11-10-21,");
        List<String> reasons = ordinary.resemblance(new SeenHello("padded-ja4", "padded-ja3", padded));
        assertEquals("same hello but for padding (RFC 7685) as misc/windows-7-no-av-chrome-50/handshake.pcap", reasons.get(0));
    }

    @Test
    void schannelLimitedToTls10IsTheOperatingSystemsStack() {
        // Tencent PC Manager 11.4 behind Internet Explorer 11 (antivirus/windows-7-tencentpcmanager-11.4-ie-11):
        // IE's suites that TLS 1.0 can use, in IE's order, and IE's extensions without signature_algorithms.
        String tencent = "769,49172-49171-53-47-49162-49161-56-50-10-19-5-4,0-5-10-11-23-65281,23-24,0";
        assertEquals(List.of("the TLS stack of misc/computer-windows-7-ie-10/handshake.pcap with fewer cipher suites or extensions"),
                ordinary.resemblance(new SeenHello("tencent-ja4", "tencent-ja3", tencent)));
    }

    @Test
    void fewerSuitesWithOtherGroupsIsAnotherStack() {
        String otherGroups = "769,49172-49171-53-47,0-5-10-11-23-65281,29-23-24,0";
        assertEquals(List.of(), ordinary.resemblance(new SeenHello("x-ja4", "x-ja3", otherGroups)));
    }

    @Test
    void suitesInAnotherOrderAreAnotherStack() {
        String reordered = "771,49191-49192-49172-49171,0-5-10-11-13-23-65281,23-24,0";
        assertEquals(List.of(), ordinary.resemblance(new SeenHello("x-ja4", "x-ja3", reordered)));
    }

    @Test
    void channelIdIsChromesHelloPassedThrough() {
        // Chrome 52 behind Blue Coat ProxySG (misc/windows-7-chrome-52-bluecoat-proxySG-6.6.4.2): no
        // ordinary capture holds Chrome 52.
        String chrome52 = "771,52393-52392-52244-52243-49195-49199-49196-49200-49161-49171-49162-49172-156-157-47-53-10,"
                + "65281-0-23-35-13-5-18-16-30032-11-10-21,29-23-24,0";
        List<String> reasons = ordinary.resemblance(new SeenHello("chrome52-ja4", "chrome52-ja3", chrome52));
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("offers Channel ID (0x7550)"), reasons.get(0));
    }

    @Test
    void helloWithoutJa3IsJudgedByItsJa4Alone() {
        assertEquals(List.of(), ordinary.resemblance(new SeenHello("sslv2-ja4", null, null)));
        assertEquals(List.of("same JA4 as misc/computer-windows-7-ie-10/handshake.pcap"),
                ordinary.resemblance(new SeenHello("ie10-ja4", null, null)));
    }
}
