package io.tlswatch.analyzer.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.synth.FlowPlan;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A synthetic capture with clean and intercepted sessions replayed twice, as it is and with
 * {@link ClientPrivacy} on (a key, clean sessions' server names dropped): the documents of the
 * second run hold no client address of the capture, each session's source is the Crypto-PAn
 * pseudonym of its client, the server side is untouched, and only clean sessions lose their name.
 */
class PseudonymisedDocumentsTest {
    private static final SynthSettings SETTINGS = SynthSettings.of(Mix.REALISTIC, 60).withSeed(11).withDataBytes(2_000)
            .withSites(12).withForgedShare(0.3).withTls13Share(0.2).withConcurrentFlows(8);
    private static final JsonFactory JSON = new JsonFactory();

    private static SyntheticCapture capture;
    private static Run raw;
    private static Run private1;
    private static Run private2;

    @BeforeAll
    static void replayThreeTimes() throws IOException {
        capture = new SyntheticCapture(SETTINGS);
        VerdictEngine judge = judge(capture.pki());
        raw = Run.of(capture, judge, ClientPrivacy.NONE);
        private1 = Run.of(capture, judge, new ClientPrivacy(new CryptoPan(CryptoPanTest.REFERENCE_KEY), true));
        private2 = Run.of(capture, judge, new ClientPrivacy(new CryptoPan(CryptoPanTest.REFERENCE_KEY), true));
    }

    @Test
    void noClientAddressOfTheCaptureIsWritten() throws IOException {
        List<String> clients = new ArrayList<>();
        for (Iterator<FlowPlan> it = capture.plans(); it.hasNext(); ) {
            clients.add(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(it.next().clientAddress()).array())
                    .getHostAddress());
        }
        assertEquals(SETTINGS.flows(), private1.sessions.size());
        for (String line : private1.lines) {
            for (String client : clients) {
                assertFalse(line.contains('"' + client + '"'), () -> client + " written in " + line);
            }
        }
        assertTrue(raw.lines.stream().anyMatch(l -> l.contains('"' + clients.get(0) + '"')), "the raw run names them");
    }

    @Test
    void eachSourceIsItsClientsPseudonymAndTheServerIsKept() throws IOException {
        CryptoPan pan = new CryptoPan(CryptoPanTest.REFERENCE_KEY);
        for (int i = 0; i < raw.sessions.size(); i++) {
            Map<String, String> before = raw.sessions.get(i);
            Map<String, String> after = private1.sessions.get(i);
            byte[] pseudonym = pan.pseudonymise(InetAddress.getByName(before.get("source.ip")).getAddress());
            assertEquals(InetAddress.getByAddress(pseudonym).getHostAddress(), after.get("source.ip"));
            assertEquals(before.get("source.port"), after.get("source.port"));
            assertEquals(before.get("destination.ip"), after.get("destination.ip"));
            assertNotEquals(before.get("network.community_id"), after.get("network.community_id"),
                    "the Community ID is a hash of the addresses: it is taken over the pseudonym");
            assertEquals(private2.sessions.get(i).get("tlswatch.flow_id"), after.get("tlswatch.flow_id"),
                    "keys stay stable across replays with the same key");
        }
    }

    @Test
    void subnetsStayComparable() throws IOException {
        for (int i = 0; i < raw.sessions.size(); i++) {
            for (int j = i + 1; j < raw.sessions.size(); j++) {
                assertEquals(
                        CryptoPanTest.commonPrefix(address(raw, i), address(raw, j)),
                        CryptoPanTest.commonPrefix(address(private1, i), address(private1, j)));
            }
        }
    }

    @Test
    void onlyCleanSessionsLoseTheirServerName() {
        int clean = 0;
        int judged = 0;
        for (int i = 0; i < raw.sessions.size(); i++) {
            String verdict = raw.sessions.get(i).get("tlswatch.verdict");
            String name = private1.sessions.get(i).get("tls.client.server_name");
            assertNotNull(raw.sessions.get(i).get("tls.client.server_name"), "every synthetic client names its site");
            if ("clean".equals(verdict)) {
                clean++;
                assertNull(name, "a clean session keeps no server name");
            } else {
                judged++;
                assertEquals(raw.sessions.get(i).get("tls.client.server_name"), name, verdict);
            }
        }
        assertTrue(clean > 0 && judged > 0, clean + " clean, " + judged + " others");
    }

    @Test
    void prevalenceCountsTheSameClients() {
        assertEquals(raw.clients, private1.clients);
    }

    private static byte[] address(Run run, int session) {
        try {
            return InetAddress.getByName(run.sessions.get(session).get("source.ip")).getAddress();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The judge a user gets with --extra-roots synth-public-roots.pem. */
    private static VerdictEngine judge(SyntheticPki pki) {
        byte[] pem = SyntheticPki.pem(pki.publicRoots()).getBytes(StandardCharsets.US_ASCII);
        return VerdictEngine.builder(TrustStore.mozillaSnapshot().withAdditionalRoots("synth", pem),
                InterceptorCatalogue.shipped()).build();
    }

    /** One replay's documents: every line, and each session document's leaves by dotted path. */
    private static final class Run implements DocumentSink {
        final List<String> lines = new ArrayList<>();
        final List<Map<String, String>> sessions = new ArrayList<>();
        int clients;

        static Run of(SyntheticCapture capture, VerdictEngine judge, ClientPrivacy privacy) throws IOException {
            Run run = new Run();
            Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(1024).withWorkers(2), judge, run,
                    privacy);
            PacketRecord record = new PacketRecord();
            capture.writeTo((time, buffer, offset, length) -> {
                record.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
                analyzer.onPacket(record);
            }, SynthProgress.NONE);
            analyzer.finish();
            run.clients = analyzer.prevalence().all().clients();
            return run;
        }

        @Override
        public void accept(Document document) throws IOException {
            StringWriter text = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(text)) {
                document.writeTo(g);
            }
            lines.add(text.toString());
            Map<String, String> leaves = leaves(text.toString());
            if ("session".equals(leaves.get("event.kind"))) {
                sessions.add(leaves);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        private static Map<String, String> leaves(String json) throws IOException {
            Map<String, String> out = new HashMap<>();
            Deque<String> path = new ArrayDeque<>();
            try (JsonParser p = JSON.createParser(json)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME) {
                        continue;
                    }
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        path.addLast(p.currentName() == null ? "" : p.currentName());
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        path.removeLast();
                    } else if (p.currentName() != null) {
                        out.putIfAbsent(String.join(".", path).replaceFirst("^\\.", "") + "." + p.currentName(),
                                p.getText());
                    }
                }
            }
            Map<String, String> trimmed = new HashMap<>();
            out.forEach((k, v) -> trimmed.put(k.startsWith(".") ? k.substring(1) : k, v));
            return trimmed;
        }
    }
}
