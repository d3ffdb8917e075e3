package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.QAZNET_LIKE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static io.tlswatch.analyzer.x509.JsonTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.x509.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VerdictWriter}: the {@code tlswatch} object of a session document, read back as JSON. */
class VerdictWriterTest {
    private final VerdictEngine engine = judge().build();

    /** The verdict written into an object of its own, as the session document does, and parsed back. */
    private static Map<String, Object> written(SessionVerdict v, Boolean clientAccepted) throws IOException {
        return JsonTree.parse(json(v, clientAccepted));
    }

    private static byte[] json(SessionVerdict v, Boolean clientAccepted) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            VerdictWriter.write(g, v, clientAccepted);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Test
    void interceptedSessionHasItsInterceptorRulesEvidenceAndChainFailures() throws IOException {
        TlsSession session = visit(SITE, forgedLeaf(QAZNET_LIKE, SITE), QAZNET_LIKE);
        SessionVerdict v = engine.judge(session);

        Map<String, Object> json = written(v, session.clientAccepted());

        assertEquals("intercepted", json.get("verdict"));
        assertEquals("government", at(json, "interceptor.class"));
        assertEquals(v.interceptor().name(), at(json, "interceptor.name"));
        assertEquals("kz-qaznet-trust-network-2019", at(json, "interceptor.id"));
        assertEquals(true, json.get("client_accepted"));
        assertEquals(List.of("known-interceptor", "untrusted-chain-accepted"), json.get("rules"));
        List<?> evidence = (List<?>) json.get("evidence");
        assertEquals(2, evidence.size());
        Map<String, Object> first = asMap(evidence.get(0));
        assertEquals("known-interceptor", first.get("rule"));
        assertEquals("decisive", first.get("strength"));
        assertEquals("issuer", at(first, "facts.field"));
        assertEquals("kz-qaznet-trust-network-2019", at(first, "facts.catalogue_id"));
        assertEquals("suspicious", at(asMap(evidence.get(1)), "strength"));
        assertEquals("true", at(asMap(evidence.get(1)), "facts.client_accepted"), "facts are strings");
        assertEquals(List.of("untrusted_root"), at(json, "chain.failures"));
        assertEquals(false, at(json, "chain.trusted"));
        assertEquals(false, at(json, "chain.publicly_rooted"));
        assertTrue(((String) at(json, "chain.anchor")).contains("Qaznet Trust Network"));
        assertEquals("www.example.com", at(json, "chain.matched_name"));
    }

    @Test
    void cleanPublicSessionHasNoInterceptorNoRulesAndNoFailures() throws IOException {
        SessionVerdict v = engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));

        Map<String, Object> json = written(v, true);

        assertEquals("clean", json.get("verdict"));
        assertFalse(json.containsKey("interceptor"));
        assertFalse(json.containsKey("rules"));
        assertFalse(json.containsKey("evidence"));
        assertEquals(true, at(json, "chain.trusted"));
        assertEquals(true, at(json, "chain.publicly_rooted"));
        assertNull(at(json, "chain.failures"));
        assertNull(at(json, "chain.missing_issuer"));
    }

    @Test
    void missingIssuerAndNotesAreWrittenAndUnknownAcceptanceIsLeftOut() throws IOException {
        SessionVerdict v = engine.judge(visit(SITE, SITE_LEAF));

        Map<String, Object> json = written(v, null);

        assertFalse(json.containsKey("client_accepted"));
        assertEquals(List.of("unknown_issuer"), at(json, "chain.failures"));
        assertTrue(((String) at(json, "chain.missing_issuer")).contains("CN=tlswatch Test Public CA"));
        assertNull(at(json, "chain.anchor"));
    }

    @Test
    void notObservableSessionIsItsVerdictAlone() throws IOException {
        SessionVerdict v = engine.judge(ObservedHandshake.replay("chrome125-client", "chrome125-server", TestPki.CAPTURE));

        assertEquals(Map.of("verdict", "not_observable"), written(v, null));
    }

    /** Certificate names come from the wire: quotes, backslashes and markup must survive as data, nothing raw below 0x20. */
    @Test
    void hostileCaNameIsEscapedAndReadsBackUnchanged() throws IOException {
        Issued hostile = TestPki.root("CN=Evil \\\"CA\\\" \u0001 </script>,O=x\\\\y", TestPki.ecKeys());
        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(hostile, SITE), hostile));

        byte[] text = json(v, true);
        Map<String, Object> json = JsonTree.parse(text);

        assertTrue(v.interceptor().name().contains("Evil"), v.interceptor().name());
        assertEquals(v.interceptor().name(), at(json, "interceptor.name"));
        assertEquals(v.interceptor().name(), at(asMap(((List<?>) json.get("evidence")).get(0)), "facts.issuing_ca"));
        for (byte b : text) {
            assertTrue((b & 0xff) >= 0x20, "control characters are escaped in the JSON text");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
