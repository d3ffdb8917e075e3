package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record layer and the feed contract of {@link TlsStreamDecoder}: RFC 8446 §5.1, RFC 5246
 * §6.2, detection of TLS in the first bytes (RFC 5246 Appendix E.2 for SSL 2.0 hellos).
 */
class RecordLayerTest {
    private final RecordingListener events = new RecordingListener();

    private TlsStreamDecoder client() {
        return new TlsStreamDecoder(true, TlsLimits.DEFAULT, events);
    }

    private TlsStreamDecoder server() {
        return new TlsStreamDecoder(false, TlsLimits.DEFAULT, events);
    }

    @Test
    void headerFieldsAreReadWhereTheRfcPutsThem() {
        byte[] header = Hex.bytes("16 03 01 00 e7"); // zeek/tls__hrr.pcap, the ClientHello record

        assertEquals(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.type(header, 0));
        assertEquals(TlsRecordLayout.TLS_1_0, TlsRecordLayout.version(header, 0));
        assertEquals(231, TlsRecordLayout.length(header, 0));
        assertEquals(5 + (1 << 14) + 2048, TlsRecordLayout.MAX_RECORD_BYTES);
    }

    @Test
    void waitsForFiveBytesBeforeDeciding() {
        TlsStreamDecoder decoder = client();
        byte[] stream = Vectors.stream("hrr-client");

        assertEquals(0, decoder.feed(stream, 0, 4));
        assertEquals(TlsDirectionState.DETECTING, decoder.state());
        assertEquals(List.of(), events.events);
    }

    @Test
    void httpIsNotTlsAndEverythingAfterIsDropped() {
        TlsStreamDecoder decoder = client();
        byte[] http = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals(http.length, decoder.feed(http, 0, http.length));
        assertEquals(TlsDirectionState.NOT_TLS, decoder.state());
        assertEquals(List.of("notTls first bytes 47 45 54 20 2f look like HTTP"), events.events);

        byte[] tls = Vectors.stream("hrr-client");
        assertEquals(tls.length, decoder.feed(tls, 0, tls.length), "a NOT_TLS direction consumes all it is offered");
        assertEquals(1, events.events.size());
        assertEquals(1, events.counters.notTls());
    }

    @Test
    void notTlsReasonsNameWhatTheBytesLookLike() {
        assertEquals("notTls first bytes 53 53 48 2d 32 look like SSH", notTls("SSH-2.0-OpenSSH_9.6\r\n"));
        assertEquals("notTls first bytes 32 32 30 20 6d look like a mail or FTP server banner (STARTTLS comes later)",
                notTls("220 mail.example.com ESMTP\r\n"));
        assertEquals("notTls first bytes 80 2e 04 00 01 look like an SSL 2.0 SERVER-HELLO (SSL 2.0 is not decoded)",
                notTls(Hex.bytes("80 2e 04 00 01 00 02 00 00 00 00 00 00")));
        String impossible = " start like a TLS record but the version or length is impossible";
        assertEquals("notTls first bytes 16 03 03 00 00" + impossible, notTls(Hex.bytes("16 03 03 00 00 16 03 03")));
        assertEquals("notTls first bytes 16 fe fd 00 00" + impossible,
                notTls(Hex.bytes("16 fe fd 00 00 00 00 00 00 00 00 00 00")), "DTLS is not TLS over TCP");
    }

    private String notTls(String ascii) {
        return notTls(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private String notTls(byte[] bytes) {
        RecordingListener own = new RecordingListener();
        new TlsStreamDecoder(false, TlsLimits.DEFAULT, own).feed(bytes, 0, bytes.length);
        return own.events.get(0);
    }

    @Test
    void incompleteRecordIsLeftForTheNextCall() {
        TlsStreamDecoder decoder = client();
        byte[] stream = Vectors.stream("hrr-client");

        assertEquals(0, decoder.feed(stream, 0, 100), "the ClientHello record is 236 bytes");
        assertEquals(TlsDirectionState.RECORDS, decoder.state());
        assertEquals(List.of(), events.events);
        assertEquals(236, decoder.feed(stream, 0, 236 + 3), "whole records only: not the CCS header's first bytes");
        assertEquals(1, events.clientHellos.size());
    }

    @Test
    void applicationDataBodyIsSkippedNotBuffered() {
        TlsStreamDecoder decoder = server();
        byte[] stream = Vectors.stream("chrome125-server"); // ServerHello, CCS, then 32 of 6861 bytes of data

        long consumed = decoder.feed(stream, 0, stream.length);

        assertEquals(stream.length + (6861 - 32), consumed, "the caller discards the rest of the record");
        assertEquals(List.of("encrypted 23 6861 fromClient=false"), events.eventsStartingWith("encrypted"));
    }

    @Test
    void recordLongerThanTheCiphertextBoundIsFatal() {
        TlsStreamDecoder decoder = client();
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("17 03 03 48 01"));

        assertEquals(stream.length, decoder.feed(stream, 0, stream.length));

        assertEquals(TlsDirectionState.FAILED, decoder.state());
        assertEquals(List.of("anomaly RECORD_TOO_LONG length 18433 at stream byte 236"),
                events.eventsStartingWith("anomaly"));
        assertTrue(TlsAnomaly.RECORD_TOO_LONG.isFatal());
        byte[] more = Vectors.stream("hrr-client");
        assertEquals(more.length, decoder.feed(more, 0, more.length), "FAILED is sticky and consumes everything");
        assertEquals(1, events.clientHellos.size());
    }

    @Test
    void unknownContentTypeMidStreamIsFatal() {
        TlsStreamDecoder decoder = client();
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), "GET /".getBytes(StandardCharsets.US_ASCII));
        decoder.feed(stream, 0, stream.length);

        assertEquals(TlsDirectionState.FAILED, decoder.state());
        assertEquals(List.of(TlsAnomaly.BAD_CONTENT_TYPE), events.anomalies);
        assertEquals(1, events.counters.get(TlsAnomaly.BAD_CONTENT_TYPE));
    }

    @Test
    void recordVersionOutsideSsl3ToTls13IsFatal() {
        TlsStreamDecoder decoder = client();
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("16 03 05 00 01 00"));
        decoder.feed(stream, 0, stream.length);

        assertEquals(List.of("anomaly BAD_RECORD_VERSION version 0x0305 at stream byte 236"),
                events.eventsStartingWith("anomaly"));
    }

    @Test
    void anomalyOffsetsCountBytesConsumedInEarlierCalls() {
        TlsStreamDecoder decoder = client();
        byte[] first = Vectors.recordOf("hrr-client", 0);
        decoder.feed(first, 0, first.length);
        byte[] bad = Hex.bytes("99 03 03 00 01 00");
        decoder.feed(bad, 0, bad.length);

        assertEquals(List.of("anomaly BAD_CONTENT_TYPE content type 153 at stream byte 236"),
                events.eventsStartingWith("anomaly"));
    }

    @Test
    void emptyHandshakeRecordIsCountedAndSurvived() {
        TlsStreamDecoder decoder = client();
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("16 03 03 00 00"),
                Hex.bytes("17 03 03 00 00"));
        decoder.feed(stream, 0, stream.length);

        assertEquals(List.of(TlsAnomaly.EMPTY_RECORD), events.anomalies, "an empty application_data record is legal");
        assertEquals(TlsDirectionState.RECORDS, decoder.state());
    }

    @Test
    void plaintextRecordOver2To14BytesIsCountedButRead() {
        ClientHello base = ClientHelloTest.parsed(ClientHelloTest.TLS13_HELLO);
        List<TlsExtension> extensions = new ArrayList<>(base.extensions().all());
        extensions.add(new TlsExtension(TlsExtension.PADDING, new byte[16400]));
        byte[] hello = TlsBytes.handshake(HandshakeLayout.CLIENT_HELLO, TlsBytes.clientHello(base, extensions));
        byte[] stream = TlsBytes.record(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.TLS_1_0, hello);

        client().feed(stream, 0, stream.length);

        assertEquals(List.of(TlsAnomaly.PLAINTEXT_RECORD_TOO_LONG), events.anomalies);
        assertEquals(16400, events.clientHellos.get(0).offered().paddingLength());
    }

    @Test
    void heartbleedRequestIsReportedAndNamed() {
        // The request of the public CVE-2014-0160 proof of concept: a 3-byte heartbeat record that
        // claims a 16384-byte payload.
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("18 03 02 00 03 01 40 00"));

        client().feed(stream, 0, stream.length);

        assertEquals(List.of("heartbeat 1 16384 3 encrypted=false"), events.eventsStartingWith("heartbeat"));
        assertEquals(List.of(TlsAnomaly.HEARTBEAT_PAYLOAD_OVERRUN), events.anomalies);
    }

    @Test
    void feedReadsOnlyItsSlice() {
        byte[] stream = Vectors.stream("hrr-client");
        byte[] framed = TlsBytes.concat(Hex.bytes("ff ff ff"), stream, Hex.bytes("ee ee"));

        long consumed = client().feed(framed, 3, stream.length);

        assertEquals(stream.length, consumed);
        assertEquals(Vectors.decodeWhole("hrr-client").events, events.events);
    }

    @Test
    void resetMakesTheDecoderReusableForAnotherFlow() {
        TlsStreamDecoder decoder = client();
        byte[] first = Vectors.stream("hrr-client");
        decoder.feed(first, 0, first.length);
        decoder.reset();
        events.events.clear();
        events.clientHellos.clear();

        assertEquals(TlsDirectionState.DETECTING, decoder.state());
        byte[] second = Vectors.stream("early-alert-client");
        StreamFeeder.whole(decoder, second);
        assertEquals(Vectors.decodeWhole("early-alert-client").events, events.events);
    }

    @Test
    void startTlsResetsANotTlsDirectionAtTheUpgrade() {
        TlsStreamDecoder decoder = client();
        byte[] smtp = "EHLO client.example\r\nSTARTTLS\r\n".getBytes(StandardCharsets.US_ASCII);
        decoder.feed(smtp, 0, smtp.length);
        assertEquals(TlsDirectionState.NOT_TLS, decoder.state());

        decoder.reset();
        byte[] tls = Vectors.stream("early-alert-client");
        StreamFeeder.whole(decoder, tls);

        assertEquals("jeffbryner.com", events.clientHellos.get(0).offered().serverName());
    }

    @Test
    void sslV2HelloLongerThanARecordIsNotTls() {
        byte[] huge = Hex.bytes("ff ff 01 03 01 00 03 00 00 00 10");
        client().feed(huge, 0, huge.length);
        assertEquals(List.of("notTls first bytes ff ff 01 03 01 are not a TLS record header"), events.events);
    }

    @Test
    void anomalyNamesAreDescribed() {
        for (TlsAnomaly anomaly : TlsAnomaly.values()) {
            assertTrue(anomaly.description().length() > 10, anomaly::name);
        }
        assertEquals(List.of(TlsAnomaly.BAD_CONTENT_TYPE, TlsAnomaly.BAD_RECORD_VERSION, TlsAnomaly.RECORD_TOO_LONG),
                Arrays.stream(TlsAnomaly.values()).filter(TlsAnomaly::isFatal).toList());
    }
}
