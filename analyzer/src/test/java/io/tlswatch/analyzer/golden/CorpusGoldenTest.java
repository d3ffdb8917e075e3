package io.tlswatch.analyzer.golden;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.testkit.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture of the shared corpus against its tshark oracle: the set of (server name, leaf
 * certificate SHA-1) pairs the servers sent, and the number of ClientHello and ServerHello messages,
 * on TCP; on the captures that carry QUIC, the server name of every ClientHello (a second one
 * after a HelloRetryRequest counted, as tshark lists it) and the number of ServerHellos, from the
 * oracle's UDP rows. DTLS is another issue's scope. Where we knowingly differ from tshark, the
 * capture is listed in {@code corpus-oracle-corrections.tsv} (TCP) or
 * {@code corpus-quic-corrections.tsv} (QUIC) with the corrected values, where they come from, and
 * why; those rows are checked instead.
 */
class CorpusGoldenTest {
    private static final Map<String, Map<String, String>> CORRECTIONS =
            OracleCorrections.load("corpus-oracle-corrections.tsv");
    /**
     * The captures with intercepted or suspected sessions, each with the counts and why they are
     * right; every other capture's sessions must all be clean or not_observable.
     */
    private static final Map<String, Map<String, String>> FLAGGED = OracleCorrections.load("corpus-verdicts.tsv");
    /** QUIC captures whose hellos we knowingly read differently from tshark, with the reason. */
    private static final Map<String, Map<String, String>> QUIC_CORRECTIONS =
            OracleCorrections.load("corpus-quic-corrections.tsv");

    private static final Map<Path, Observed> REPLAYS = new ConcurrentHashMap<>();

    private static Set<String> quicCaptures;

    /** Captures whose manifest description says they carry QUIC (the others carry no QUIC, DTLS perhaps). */
    private static synchronized Set<String> quicCaptures(Path corpus) {
        if (quicCaptures == null) {
            quicCaptures = SharedCorpus.manifestRows(corpus).stream()
                    .filter(r -> r.getOrDefault("description", "").contains("QUIC"))
                    .map(r -> r.get("path")).collect(Collectors.toSet());
        }
        return quicCaptures;
    }

    private static List<String> splitNames(String names) {
        return names.isEmpty() ? List.of() : List.of(names.split("\\|"));
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureMatchesTheTsharkOracle() {
        Path corpus = SharedCorpus.require();
        return SharedCorpus.manifestCaptures(corpus).stream()
                .map(capture -> DynamicTest.dynamicTest(capture, () -> check(corpus, capture)));
    }

    private static void check(Path corpus, String capture) {
        Observed observed = replay(corpus.resolve(capture));
        Map<String, String> correction = CORRECTIONS.get(capture);
        Observed expected = correction != null ? OracleCorrections.expected(correction)
                : fromOracle(TsharkOracle.load(corpus, capture));
        String source = correction != null ? " (corrected: " + correction.get("source") + ")" : "";
        Map<String, String> flagged = FLAGGED.get(capture);
        String expectedFlags = flagged == null ? "intercepted=0 suspected=0"
                : "intercepted=" + flagged.get("intercepted") + " suspected=" + flagged.get("suspected");
        String observedFlags = "intercepted=" + observed.verdicts.getOrDefault(Verdict.INTERCEPTED, 0L)
                + " suspected=" + observed.verdicts.getOrDefault(Verdict.SUSPECTED, 0L);
        Map<String, String> quicCorrection = QUIC_CORRECTIONS.get(capture);
        boolean quic = quicCaptures(corpus).contains(capture);
        List<String> expectedQuic = quicCorrection != null ? splitNames(quicCorrection.get("server_names"))
                : quic ? TsharkOracle.udpClientHelloNames(TsharkOracle.load(corpus, capture)) : List.of();
        long expectedQuicServerHellos = quicCorrection != null ? Long.parseLong(quicCorrection.get("server_hellos"))
                : quic ? TsharkOracle.load(corpus, capture).udpHelloCount("ServerHello") : 0;
        String quicSource = quicCorrection != null ? " (corrected: " + quicCorrection.get("reason") + ")" : "";
        assertAll(capture,
                () -> assertEquals(expectedQuic, observed.quicServerNames, "QUIC ClientHellos' server names"
                        + quicSource),
                () -> assertEquals(expectedQuicServerHellos, observed.quicServerHellos, "QUIC ServerHellos"
                        + quicSource),
                () -> assertEquals(expectedFlags, observedFlags, "verdicts (corpus-verdicts.tsv lists the flagged captures)"),
                () -> assertEquals(expected.pairs, observed.pairs, "(server name, leaf SHA-1) pairs" + source),
                () -> assertEquals(expected.clientHellos, observed.clientHellos, "ClientHellos" + source),
                () -> assertEquals(expected.serverHellos, observed.serverHellos, "ServerHellos" + source));
    }

    private static Observed fromOracle(TsharkOracle oracle) {
        Set<String> pairs = oracle.certificates().stream()
                .filter(TsharkOracle::onTcp)
                .filter(r -> "server".equals(r.get("cert_sender")))
                .map(r -> r.get("sni") + " " + r.get("leaf_sha1"))
                .collect(Collectors.toCollection(TreeSet::new));
        return new Observed(pairs, oracle.tcpHelloCount("ClientHello"), oracle.tcpHelloCount("ServerHello"));
    }

    /**
     * @param quicServerNames the server name (or "") of every QUIC ClientHello, sorted: a session's
     *        first hello's name once per ClientHello it counted (a second hello repeats the first's
     *        name, RFC 8446 §4.1.2)
     * @param quicServerHellos the ServerHellos of all QUIC sessions, HelloRetryRequests included
     * @param fingerprints every session's fingerprints, TCP and QUIC, in emission order
     */
    record Observed(Set<String> pairs, long clientHellos, long serverHellos, Map<Verdict, Long> verdicts,
                    List<String> quicServerNames, long quicServerHellos, List<SessionFingerprints> fingerprints) {
        Observed(Set<String> pairs, long clientHellos, long serverHellos) {
            this(pairs, clientHellos, serverHellos, Map.of(), List.of(), 0, List.of());
        }
    }

    /**
     * The capture replayed through the analyzer, once per test run: the corpus tests that read the
     * same captures (this one, {@link CorpusFingerprintTest}) share the replay.
     */
    static Observed replay(Path capture) {
        return REPLAYS.computeIfAbsent(capture, CorpusGoldenTest::replayOnce);
    }

    private static Observed replayOnce(Path capture) {
        List<TlsSession> sessions = new ArrayList<>();
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        DocumentSink collect = new DocumentSink() {
            @Override
            public void accept(Document document) {
                if (document instanceof SessionDocument s) {
                    sessions.add(s.session());
                    verdicts.merge(s.verdict().verdict(), 1L, Long::sum);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults(), collect);
        new Replay(analyzer, (source, position, size, packets) -> { }).run(List.of(capture));
        analyzer.finish();
        Set<String> pairs = new TreeSet<>();
        List<String> quicNames = new ArrayList<>();
        List<SessionFingerprints> fingerprints = new ArrayList<>();
        long clientHellos = 0;
        long serverHellos = 0;
        long quicServerHellos = 0;
        for (TlsSession s : sessions) {
            fingerprints.add(SessionFingerprints.of(s));
            if (s.quic()) {
                String name = s.clientHello().offered().serverName();
                for (int i = 0; i < s.clientHellos(); i++) {
                    quicNames.add(name != null ? name : "");
                }
                quicServerHellos += s.serverHellos();
                continue;
            }
            clientHellos += s.clientHellos();
            serverHellos += s.serverHellos();
            if (!s.serverChain().isEmpty()) {
                String sni = s.clientHello() != null && s.clientHello().offered().serverName() != null
                        ? s.clientHello().offered().serverName() : "";
                pairs.add(sni + " " + s.serverChain().get(0).sha1());
            }
        }
        quicNames.sort(null);
        return new Observed(pairs, clientHellos, serverHellos, verdicts, quicNames, quicServerHellos,
                List.copyOf(fingerprints));
    }

}
