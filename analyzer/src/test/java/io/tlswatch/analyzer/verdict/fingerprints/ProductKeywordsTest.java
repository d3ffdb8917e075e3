package io.tlswatch.analyzer.verdict.fingerprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How the generator reads mitmengine's capture paths and tells products from ordinary clients. */
class ProductKeywordsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "misc/avast-11-firefox/handshake.pcap | Avast 11 | security-product",
        "misc/bitdefender-firefox/handshake.pcap | Bitdefender | security-product",
        "misc/bullguard-chrome/handshake.pcap | BullGuard | security-product",
        "misc/sophos-9.401-11-firefox/handshake.pcap | Sophos Anti-Virus 9.4 | security-product",
        "misc/staffcop/handshake.pcap | StaffCop | corporate",
        "misc/windows-7-chrome-52-bluecoat-proxySG-6.6.4.2/handshake.pcap | Blue Coat ProxySG 6.6 | corporate",
        "middleboxes/SophosTagged2-Win-7-IE-11/handshake.pcap | Sophos (middlebox) | corporate",
        "middleboxes/fortinet-chrome-mac/handshake.pcap | Fortinet FortiGate | corporate",
        "middleboxes/windows-7-untangle-12.0.0-ie-8/handshake.pcap | Untangle 12 | corporate",
        "antivirus/windows-7-kindergate-3.2.12589.0.1-chrome-51/handshake.pcap | KinderGate Parental Control 3.2 | parental-control",
        "antivirus-run2/CYBERsitter11-Windows/windows-7-cybersitter-11.13.1-firefox-44/handshake.pcap | CYBERsitter 11 | parental-control",
        "antivirus-run2/KasperskyInternetSecurity16-Windows/windows-7-kaspersky-internet-security-2016-chrome-49/handshake.pcap"
                + " | Kaspersky Internet Security 2016 | security-product"})
    void labelNamingAProductIsThatProduct(String upstream, String product, String interceptorClass) {
        ProductKeywords.Classification c = ProductKeywords.classify(capture(upstream));
        assertEquals(Optional.of(new ProductKeywords.Product(product, interceptorClass)), c.product(), c.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "misc/computer-windows-7-ie-10/handshake.pcap",
        "misc/firefox-45/handshake.pcap",
        "misc/tor-android/tor.android.hello.pcap",
        "misc/windows-10-firefox-47-no-av/handshake.pcap",
        "antivirus/windows-7-none-chrome-51/handshake.pcap",
        "browsers/computer-Windows-8-firefox-31.0/handshake.pcap",
        "openssl/OpenSSL_1_0_1e.pcap",
        "gnutls/gnutls-3.4.9/handshake1.pcap"})
    void labelNamingNoProductIsAnOrdinaryClient(String upstream) {
        assertEquals(Optional.empty(), ProductKeywords.classify(capture(upstream)).product());
    }

    @Test
    void productGroupsLabelThatNoKeywordNamesStopsTheGenerator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductKeywords.classify(capture("antivirus/windows-7-newshield-1.0-ie-11/handshake.pcap")));
        assertTrue(e.getMessage().contains("add one to ProductKeywords.KEYWORDS"), e.getMessage());
    }

    @Test
    void captureKeepsBothLevelsOfARun2Label() {
        MitmengineCapture c = capture("antivirus-run2/PCPandora7-Windows/windows-7-pcpandora-7.0-firefox-44/handshake.pcap");
        assertEquals("antivirus-run2", c.group());
        assertEquals("PCPandora7-Windows__windows-7-pcpandora-7.0-firefox-44", c.label());
        assertEquals("antivirus-run2/PCPandora7-Windows/windows-7-pcpandora-7.0-firefox-44/handshake.pcap", c.upstreamPath());
    }

    @Test
    void opensslCapturesFileNameIsItsLabel() {
        MitmengineCapture c = capture("openssl/OpenSSL_0_9_8f.pcap");
        assertEquals("openssl", c.group());
        assertEquals("OpenSSL_0_9_8f", c.label());
    }

    private static MitmengineCapture capture(String upstream) {
        return MitmengineCapture.of("mitmengine/" + upstream.replace("/", "__"),
                MitmengineCapture.UPSTREAM_FOLDER + upstream, "b587be9c500985927c8dfb02a749d8432ab02b78");
    }
}
