package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.testkit.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real streams through {@link TlsStreamDecoder}: handshake messages across and within records
 * (RFC 8446 §5.1), what ChangeCipherSpec encrypts (RFC 5246 §7.1, RFC 8446 Appendix D.4), and the
 * same events however TCP cuts the bytes.
 */
class HandshakeStreamTest {
    static List<String> streams() {
        return Vectors.ALL;
    }

    @Test
    void tls13ClientHelloThenCompatibilityCcsThenProtectedRecords() {
        RecordingListener events = Vectors.decodeWhole("chrome125-client");

        assertEquals(List.of("handshake client_hello 1747 fromClient=true"), events.eventsStartingWith("handshake"));
        assertEquals(1, events.clientHellos.size());
        assertEquals(List.of("ChangeCipherSpec fromClient=true"), events.eventsStartingWith("Change"));
        assertEquals(List.of("encrypted 23 63 fromClient=true"), events.eventsStartingWith("encrypted"));
        assertEquals(List.of(), events.anomalies);
    }

    @Test
    void serverDirectionIsEncryptedRightAfterATls13ServerHello() {
        RecordingListener events = new RecordingListener();
        TlsStreamDecoder decoder = new TlsStreamDecoder(false, TlsLimits.DEFAULT, events);
        byte[] serverHello = Vectors.recordOf("chrome125-server", 0);

        decoder.feed(serverHello, 0, serverHello.length);

        assertEquals(TlsDirectionState.ENCRYPTED, decoder.state());
        assertEquals(1, events.serverHellos.size());
    }

    @Test
    void helloRetryRequestKeepsBothDirectionsInPlaintextUntilTheSecondHellos() {
        RecordingListener server = new RecordingListener();
        TlsStreamDecoder serverDecoder = new TlsStreamDecoder(false, TlsLimits.DEFAULT, server);
        byte[] hrrAndCcs = TlsBytes.concat(Vectors.recordOf("hrr-server", 0), Vectors.recordOf("hrr-server", 1));
        serverDecoder.feed(hrrAndCcs, 0, hrrAndCcs.length);
        assertEquals(TlsDirectionState.RECORDS, serverDecoder.state(), "an HRR and its dummy CCS encrypt nothing");
        byte[] serverHello = Vectors.recordOf("hrr-server", 2);
        serverDecoder.feed(serverHello, 0, serverHello.length);
        assertEquals(TlsDirectionState.ENCRYPTED, serverDecoder.state());
        assertTrue(server.serverHellos.get(0).isHelloRetryRequest());
        assertEquals(0x17, server.serverHellos.get(0).keyShareGroup());

        RecordingListener client = Vectors.decodeWhole("hrr-client");
        assertEquals(2, client.clientHellos.size(), "the second ClientHello follows the client's CCS in plaintext");
        assertArrayEquals(new int[] {0x15}, client.clientHellos.get(0).offered().keyShareGroups());
        assertArrayEquals(new int[] {0x17}, client.clientHellos.get(1).offered().keyShareGroups(),
                "the retry offers the group the HRR asked for");
        assertEquals(List.of(), client.anomalies);
    }

    @Test
    void sslV2CompatibleHelloThenTlsRecords() {
        RecordingListener events = Vectors.decodeWhole("sslv2-client");

        assertTrue(events.clientHellos.get(0).sslv2Compatible());
        assertEquals(List.of("handshake client_hello 103 fromClient=true",
                "handshake client_key_exchange 130 fromClient=true"), events.eventsStartingWith("handshake"));
        assertEquals(List.of("encrypted 22 48 fromClient=true", "encrypted 23 432 fromClient=true"),
                events.eventsStartingWith("encrypted"));
        assertEquals(List.of("alert -1 -1 encrypted=true fromClient=true"), events.eventsStartingWith("alert"));
    }

    @Test
    void ssl3ClientSendsItsOwnCertificate() {
        RecordingListener events = Vectors.decodeWhole("ssl3-client");

        assertEquals(List.of("Certificate 1 certs, 602 bytes, fromClient=true"),
                events.eventsStartingWith("Certificate"));
        assertEquals(List.of("alert -1 -1 encrypted=true fromClient=true"), events.eventsStartingWith("alert"),
                "a 32-byte alert after CCS is protected");
    }

    @Test
    void severalHandshakeMessagesInOneRecord() {
        RecordingListener ssl3 = Vectors.decodeWhole("ssl3-server");
        assertEquals(List.of("handshake server_hello 77 fromClient=false", "handshake certificate 549 fromClient=false",
                "handshake certificate_request 48 fromClient=false", "handshake server_hello_done 0 fromClient=false"),
                ssl3.eventsStartingWith("handshake"));

        RecordingListener ocsp = Vectors.decodeWhole("ocsp-server");
        assertEquals(List.of("handshake server_hello 81 fromClient=false",
                "handshake certificate 4542 fromClient=false",
                "handshake certificate_status 1999 fromClient=false",
                "handshake server_key_exchange 359 fromClient=false",
                "handshake server_hello_done 0 fromClient=false"), ocsp.eventsStartingWith("handshake"));
        assertEquals(3, ocsp.certificates.get(0).size());
        assertEquals(1, ocsp.statuses.size());
    }

    @Test
    void plaintextAlertBeforeTheHandshakeAndEncryptedFinishedAfterCcs() {
        RecordingListener server = Vectors.decodeWhole("early-alert-server");
        assertEquals("alert 1 112 encrypted=false fromClient=false", server.events.get(0),
                "warning unrecognized_name");
        assertEquals("unrecognized_name", TlsNames.alertDescriptionName(112));
        assertEquals(List.of("encrypted 22 40 fromClient=false", "encrypted 23 226 fromClient=false"),
                server.eventsStartingWith("encrypted"));

        RecordingListener client = Vectors.decodeWhole("early-alert-client");
        byte[] finished = Vectors.recordBody(Vectors.stream("early-alert-client"), 3);
        assertEquals("0000000000000000", Hex.of(Arrays.copyOf(finished, 8)), "GCM explicit nonce 0");
        assertEquals(List.of("encrypted 22 40 fromClient=true", "encrypted 23 502 fromClient=true"),
                client.eventsStartingWith("encrypted"), "after CCS a handshake record is never parsed as one");
    }

    @ParameterizedTest
    @MethodSource("streams")
    void sameEventsHoweverTheStreamIsCut(String name) {
        byte[] stream = Vectors.stream(name);
        List<String> whole = Vectors.decodeWhole(name).events;
        Random random = new Random(name.hashCode());
        int[] fixed = {1, 2, 3, 5, 7, 50, 1460};
        for (int size : fixed) {
            assertEquals(whole, chunked(name, stream, () -> size), name + " in chunks of " + size);
        }
        for (int run = 0; run < 5; run++) {
            assertEquals(whole, chunked(name, stream, () -> 1 + random.nextInt(50)), name + " in random chunks");
        }
    }

    @Test
    void clientHelloReframedIntoTinyRecordsGivesTheSameHello() {
        byte[] record = Vectors.recordOf("chrome125-client", 0);
        byte[] message = Arrays.copyOfRange(record, TlsRecordLayout.HEADER_LENGTH, record.length);
        ClientHello original = Vectors.decodeWhole("chrome125-client").clientHellos.get(0);
        for (int size : new int[] {1, 2, 3, 4, 5, 50, 1000}) {
            RecordingListener events = new RecordingListener();
            byte[] stream = TlsBytes.records(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.TLS_1_0, message, size);
            StreamFeeder.whole(new TlsStreamDecoder(true, TlsLimits.DEFAULT, events), stream);

            assertEquals(1, events.clientHellos.size(), "records of " + size);
            ClientHello hello = events.clientHellos.get(0);
            assertArrayEquals(original.cipherSuites(), hello.cipherSuites());
            assertArrayEquals(original.extensions().types(), hello.extensions().types());
            assertEquals(original.offered().serverName(), hello.offered().serverName());
            assertEquals(List.of(), events.anomalies);
        }
    }

    @Test
    void clientHelloSplitAcrossTwoRecordsAtEveryPoint() {
        byte[] record = Vectors.recordOf("hrr-client", 0);
        byte[] message = Arrays.copyOfRange(record, TlsRecordLayout.HEADER_LENGTH, record.length);
        for (int cut = 1; cut < message.length; cut++) {
            byte[] stream = TlsBytes.concat(
                    TlsBytes.record(22, 0x0301, Arrays.copyOf(message, cut)),
                    TlsBytes.record(22, 0x0301, Arrays.copyOfRange(message, cut, message.length)));
            RecordingListener events = Vectors.decode(true, stream);
            assertEquals(1, events.clientHellos.size(), "cut at " + cut);
        }
    }

    @Test
    void everyPrefixIsIncompleteNeverAnAnomaly() {
        for (String name : List.of("hrr-client", "ssl3-server", "sslv2-client", "early-alert-client")) {
            byte[] stream = Vectors.stream(name);
            List<String> whole = Vectors.decodeWhole(name).events;
            for (int len = 0; len <= stream.length; len++) {
                RecordingListener events = new RecordingListener();
                TlsStreamDecoder decoder = new TlsStreamDecoder(Vectors.fromClient(name), TlsLimits.DEFAULT, events);
                long consumed = decoder.feed(stream, 0, len);
                assertTrue(consumed >= 0, name + " prefix " + len);
                assertEquals(whole.subList(0, events.events.size()), events.events, name + " prefix " + len);
                assertEquals(List.of(), events.anomalies);
            }
        }
    }

    @Test
    void everyOneByteBreakageEndsInEventsOrNamedAnomalies() {
        for (String name : List.of("hrr-client", "ssl3-server", "hrr-server")) {
            byte[] stream = Vectors.stream(name);
            for (int i = 0; i < stream.length; i++) {
                byte[] broken = stream.clone();
                broken[i] ^= (byte) 0xff;
                RecordingListener events = new RecordingListener();
                TlsStreamDecoder decoder = new TlsStreamDecoder(Vectors.fromClient(name), TlsLimits.DEFAULT, events);
                StreamFeeder.whole(decoder, broken);
                if (decoder.state() == TlsDirectionState.FAILED) {
                    String last = events.events.get(events.events.size() - 1);
                    TlsAnomaly lastAnomaly = events.anomalies.get(events.anomalies.size() - 1);
                    assertTrue(last.startsWith("anomaly ") && lastAnomaly.isFatal(), name + " byte " + i + ": " + last);
                }
            }
        }
    }

    @Test
    void certificateOverTheLimitIsSkippedAndTheNextMessagesRead() {
        RecordingListener events = new RecordingListener();
        StreamFeeder.whole(new TlsStreamDecoder(false, new TlsLimits(1024, 1024), events),
                Vectors.stream("early-alert-server"));

        assertEquals(List.of("anomaly HANDSHAKE_MESSAGE_TOO_LARGE certificate of 4682 bytes"),
                events.eventsStartingWith("anomaly"));
        assertEquals(List.of(), events.certificates);
        assertEquals(List.of("handshake server_hello 61 fromClient=false",
                "handshake certificate 4682 fromClient=false",
                "handshake server_key_exchange 329 fromClient=false",
                "handshake server_hello_done 0 fromClient=false",
                "handshake new_session_ticket 214 fromClient=false"), events.eventsStartingWith("handshake"));
    }

    @Test
    void defaultLimitReadsACertificateAsLargeAsTheCorpusLargest() {
        // zeek/tls__tls-fragmented-handshake.pcap carries a 339,629-byte Certificate in 16 KiB records.
        byte[] der = new byte[339_623];
        der[0] = 0x30;
        byte[] message = TlsBytes.handshake(HandshakeLayout.CERTIFICATE,
                new TlsBytes().vector24(new TlsBytes().vector24(der).toBytes()).toBytes());
        byte[] stream = TlsBytes.records(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.TLS_1_2, message, 1 << 14);
        RecordingListener events = Vectors.decode(false, stream);

        assertEquals(List.of("handshake certificate 339629 fromClient=false"), events.eventsStartingWith("handshake"));
        assertEquals(der.length, events.certificates.get(0).certificate(0).length);
    }

    @Test
    void changeCipherSpecInsideAHandshakeMessageDropsIt() {
        byte[] record = Vectors.recordOf("hrr-client", 0);
        byte[] firstHalf = TlsBytes.record(22, 0x0301, Arrays.copyOfRange(record, 5, 100));
        byte[] stream = TlsBytes.concat(firstHalf, Vectors.recordOf("hrr-client", 1));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of(TlsAnomaly.HANDSHAKE_MESSAGE_INTERRUPTED), events.anomalies);
        assertEquals(List.of(), events.clientHellos);
    }

    @Test
    void helloInTheWrongDirectionIsNamedNotRaised() {
        RecordingListener events = Vectors.decode(false, Vectors.recordOf("hrr-client", 0));

        assertEquals(List.of("anomaly HELLO_IN_WRONG_DIRECTION ClientHello from the server"),
                events.eventsStartingWith("anomaly"));
        assertEquals(List.of(), events.clientHellos);
    }

    @Test
    void malformedHelloIsNamedAndTheStreamGoesOn() {
        byte[] record = Vectors.recordOf("hrr-client", 0);
        record[5 + 4 + 2 + 32] = 40; // legacy_session_id length 32 -> 40
        byte[] stream = TlsBytes.concat(record, Vectors.recordOf("hrr-client", 1));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of("anomaly MALFORMED_CLIENT_HELLO ClientHello.legacy_session_id has a length the RFC does"
                + " not allow"), events.eventsStartingWith("anomaly"));
        assertEquals(List.of("ChangeCipherSpec fromClient=true"), events.eventsStartingWith("Change"));
    }

    @Test
    void alertRecordMayHoldSeveralAlertsAndAnOddByteIsNamed() {
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("15 03 03 00 05 01 00 02 28 02"));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of("alert 1 0 encrypted=false fromClient=true", "alert 2 40 encrypted=false fromClient=true"),
                events.eventsStartingWith("alert"));
        assertEquals(List.of(TlsAnomaly.BAD_ALERT), events.anomalies);
    }

    @Test
    void twoByteAlertAfterCcsIsStillReadable() {
        byte[] stream = TlsBytes.concat(Vectors.recordOf("early-alert-client", 0), Hex.bytes("14 03 03 00 01 01"),
                Hex.bytes("15 03 03 00 02 02 28"));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of("alert 2 40 encrypted=false fromClient=true"), events.eventsStartingWith("alert"));
    }

    @Test
    void changeCipherSpecThatIsNotTheByteOneIsNamed() {
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0), Hex.bytes("14 03 03 00 01 02"));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of(TlsAnomaly.BAD_CHANGE_CIPHER_SPEC), events.anomalies);
        assertEquals(List.of("ChangeCipherSpec fromClient=true"), events.eventsStartingWith("Change"));
    }

    @Test
    void untypedMessagesAreRaisedByTypeAndUnassignedTypesNamed() {
        byte[] stream = TlsBytes.concat(Vectors.recordOf("hrr-client", 0),
                TlsBytes.record(22, 0x0303, TlsBytes.concat(TlsBytes.handshake(HandshakeLayout.CLIENT_KEY_EXCHANGE,
                        new byte[] {1, 2, 3}), TlsBytes.handshake(99, new byte[0]))));
        RecordingListener events = Vectors.decode(true, stream);

        assertEquals(List.of("handshake client_hello 227 fromClient=true",
                "handshake client_key_exchange 3 fromClient=true",
                "handshake 0x0063 0 fromClient=true"), events.eventsStartingWith("handshake"));
        assertEquals(List.of(TlsAnomaly.UNKNOWN_HANDSHAKE_TYPE), events.anomalies);
    }

    private static List<String> chunked(String name, byte[] stream, IntSupplier size) {
        RecordingListener events = new RecordingListener();
        StreamFeeder.chunked(new TlsStreamDecoder(Vectors.fromClient(name), TlsLimits.DEFAULT, events), stream, size);
        return new ArrayList<>(events.events);
    }
}
