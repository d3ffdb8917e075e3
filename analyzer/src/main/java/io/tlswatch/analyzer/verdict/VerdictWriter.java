package io.tlswatch.analyzer.verdict;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import io.tlswatch.analyzer.x509.trust.ChainNote;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link SessionVerdict} into the {@code tlswatch} object of a session document:
 * {@code verdict}, {@code interceptor.class/name/id}, {@code rules}, {@code evidence} (each rule's
 * strength and facts), {@code chain} (what validation found) and {@code client_accepted}.
 */
public final class VerdictWriter {
    private VerdictWriter() {
    }

    public static void write(JsonGenerator g, SessionVerdict v, Boolean clientAccepted) throws IOException {
        g.writeStringField("verdict", v.verdict().jsonName());
        if (v.interceptor() != null) {
            g.writeObjectFieldStart("interceptor");
            g.writeStringField("class", v.interceptor().interceptorClass().jsonName());
            g.writeStringField("name", v.interceptor().name());
            if (v.interceptor().id() != null) {
                g.writeStringField("id", v.interceptor().id());
            }
            g.writeEndObject();
        }
        if (clientAccepted != null) {
            g.writeBooleanField("client_accepted", clientAccepted);
        }
        if (!v.evidence().isEmpty()) {
            g.writeArrayFieldStart("rules");
            for (String rule : v.rules()) {
                g.writeString(rule);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("evidence");
            for (Evidence e : v.evidence()) {
                g.writeStartObject();
                g.writeStringField("rule", e.rule());
                g.writeStringField("strength", e.strength().jsonName());
                g.writeObjectFieldStart("facts");
                for (Map.Entry<String, String> fact : e.facts().entrySet()) {
                    g.writeStringField(fact.getKey(), fact.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (v.chain() != null) {
            writeChain(g, v.chain());
        }
    }

    private static void writeChain(JsonGenerator g, ChainVerdict c) throws IOException {
        g.writeObjectFieldStart("chain");
        g.writeBooleanField("trusted", c.trusted());
        g.writeBooleanField("publicly_rooted", c.anchoredInStore());
        if (c.anchor() != null) {
            g.writeStringField("anchor", c.anchor().subject());
        }
        if (c.missingIssuer() != null) {
            g.writeStringField("missing_issuer", c.missingIssuer());
        }
        if (!c.failures().isEmpty()) {
            g.writeArrayFieldStart("failures");
            for (ChainFailure f : c.failures()) {
                g.writeString(f.id());
            }
            g.writeEndArray();
        }
        if (!c.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (ChainNote n : c.notes()) {
                g.writeString(n.id());
            }
            g.writeEndArray();
        }
        if (c.matchedName() != null) {
            g.writeStringField("matched_name", c.matchedName());
        }
        g.writeEndObject();
    }
}
