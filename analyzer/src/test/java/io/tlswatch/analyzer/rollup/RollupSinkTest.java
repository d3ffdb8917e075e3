package io.tlswatch.analyzer.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A synthetic capture through the analyzer and the rollup stage, with sessions selected. */
class RollupSinkTest {

    @Test
    void rollupsOfASuspiciousOnlyRunAddUpToThePrevalenceOfEverySession() throws IOException {
        List<Document> out = new ArrayList<>();
        DocumentSink collect = new DocumentSink() {
            @Override
            public void accept(Document d) {
                out.add(d);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Rollups rollups = new Rollups("sensor-a", new ClientSubnet(24, 48), 300_000_000_000L, 100_000);
        RollupSink sink = new RollupSink(collect, rollups, SessionSelection.SUSPICIOUS);
        SyntheticCapture capture = new SyntheticCapture(SynthSettings.of(Mix.HANDSHAKE_HEAVY, 400).withSeed(11)
                .withForgedShare(0.3));
        // The judge a user gets with --extra-roots synth-public-roots.pem: the sites' roots are trusted.
        byte[] pem = SyntheticPki.pem(capture.pki().publicRoots()).getBytes(StandardCharsets.US_ASCII);
        VerdictEngine judge = VerdictEngine.builder(TrustStore.mozillaSnapshot().withAdditionalRoots("synth", pem),
                InterceptorCatalogue.shipped()).build();
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(4096).withWorkers(1), judge, sink);
        PacketRecord packet = new PacketRecord();
        capture.writeTo((time, buffer, offset, length) -> {
                    packet.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
                    analyzer.onPacket(packet);
                }, SynthProgress.NONE);
        analyzer.finish();
        sink.close();

        Prevalence prevalence = analyzer.prevalence();
        Map<Verdict, Long> rolled = new EnumMap<>(Verdict.class);
        for (Document d : out) {
            if (d instanceof RollupDocument r) {
                rolled.merge(r.bucket().verdict(), r.sessions(), Long::sum);
            }
        }
        for (Verdict v : Verdict.values()) {
            assertEquals(prevalence.of(v).sessions(), rolled.getOrDefault(v, 0L), v.jsonName());
        }
        assertEquals(400, rollups.sessions());
        long written = out.stream().filter(d -> d instanceof SessionDocument).count();
        long suspicious = prevalence.of(Verdict.INTERCEPTED).sessions() + prevalence.of(Verdict.SUSPECTED).sessions();
        assertTrue(suspicious > 0 && suspicious < 400, "forged and honest sessions both: " + suspicious);
        assertEquals(suspicious, written);
        assertEquals(written, sink.sessionsWritten());
        assertTrue(out.stream().filter(d -> d instanceof SessionDocument)
                .allMatch(d -> SessionSelection.SUSPICIOUS.writes(((SessionDocument) d).verdict().verdict())));
        assertTrue(out.stream().anyMatch(d -> d.kind() == DocumentKind.CERTIFICATE), "certificates still pass");
    }
}
