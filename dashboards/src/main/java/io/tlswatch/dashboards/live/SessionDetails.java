package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The drill-down: one session document as indexed (verdict, rules and their evidence, handshake),
 * with the certificates of its chain from {@code tlswatch-certificates} (subject, issuer, validity,
 * fingerprints), leaf first; a certificate the index does not hold is listed by its SHA-256 alone.
 */
public final class SessionDetails {
    /** Longest session id accepted (the indexer's ids are flow ids, far shorter). */
    public static final int MAX_ID_LENGTH = 512;
    /** Certificates of a chain looked up at most. */
    public static final int MAX_CHAIN = 16;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ElasticsearchReader es;

    public SessionDetails(ElasticsearchReader es) {
        this.es = es;
    }

    /** Whether {@code id} may be looked up at all. */
    public static boolean acceptableId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    }

    /** {@code {id, session, chain: [{sha256, found, certificate}]}}, or empty when no session has {@code id}. */
    public Optional<ObjectNode> session(String id) throws IOException {
        JsonNode hit = es.search(ReportQueries.SESSIONS, ReportQueries.session(id)).path("hits").path("hits").path(0);
        if (!hit.has("_source")) {
            return Optional.empty();
        }
        JsonNode source = hit.path("_source");
        List<String> chain = new ArrayList<>();
        for (JsonNode sha : source.path("tls").path("server").path("certificate_chain_sha256")) {
            if (chain.size() < MAX_CHAIN && SHA256.matcher(sha.asText()).matches()) {
                chain.add(sha.asText().toLowerCase(java.util.Locale.ROOT));
            }
        }
        ObjectNode out = F.objectNode();
        out.put("id", hit.path("_id").asText());
        out.set("session", source);
        ArrayNode certificates = out.putArray("chain");
        if (!chain.isEmpty()) {
            for (JsonNode doc : es.multiGet(ReportQueries.CERTIFICATES, chain).path("docs")) {
                ObjectNode c = certificates.addObject();
                c.put("sha256", doc.path("_id").asText());
                c.put("found", doc.path("found").asBoolean());
                if (doc.has("_source")) {
                    c.set("certificate", doc.path("_source"));
                }
            }
        }
        return Optional.of(out);
    }
}
