package io.tlswatch.dashboards.live;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlswatch.dashboards.indexer.IndexTemplates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * A known set of documents, written the way the indexer writes them (its templates, data streams
 * for sessions and stats, certificates under their SHA-256), for the dashboard's tests: two
 * sensors over half an hour, a government interceptor, an unknown one whose names carry HTML and
 * script, TLS 1.3 and QUIC sessions the monitor could not see into, an IPv6 client, capture stats.
 */
final class KnownSessions {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String HOSTILE_SNI = "<img src=x onerror=\"window.__pwned='sni'\">.example";
    static final String HOSTILE_SUBJECT = "CN=<script>window.__pwned='subject'</script>,O=Evil & Co";
    static final String HOSTILE_INTERCEPTOR = "CN=<img src=x onerror=\"window.__pwned='interceptor'\">";
    static final String HOSTILE_SESSION = "flow-hostile-0";
    static final String LEAF_SHA256 = "aa".repeat(32);
    static final String CA_SHA256 = "bb".repeat(32);
    static final String MISSING_SHA256 = "cc".repeat(32);

    private KnownSessions() {
    }

    /** Installs the templates and writes the documents; returns when they are searchable. */
    static void load(String url) throws IOException, InterruptedException {
        try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
            IndexTemplates.install(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())));
        }
        StringBuilder bulk = new StringBuilder();
        // lab-a: 40 clean sessions from 10 clients, 10 intercepted by the Kazakh government CA from 3 of them.
        for (int i = 0; i < 40; i++) {
            session(bulk, "flow-clean-" + i, minute(i % 30, i), "lab-a", "10.1.0." + (i % 10 + 1), "site" + (i % 5) + ".example",
                    "clean", null, "1.2", "tls", null, List.of());
        }
        for (int i = 0; i < 10; i++) {
            session(bulk, "flow-kz-" + i, minute(5 + i, 30), "lab-a", "10.1.0." + (i % 3 + 1), "bank" + (i % 4) + ".example",
                    "intercepted", new String[] {"government", "Qaznet Trust Network", "kz-qaznet-trust-network-2019"},
                    "1.2", "tls", "CN=bank.example", List.of(CA_SHA256));
        }
        // lab-b: 5 intercepted by an unknown forger whose names are HTML, 3 suspected from IPv6, 8 TLS 1.3, 2 QUIC.
        for (int i = 0; i < 5; i++) {
            session(bulk, "flow-hostile-" + i, minute(20 + i, 0), "lab-b", "192.0.2." + (i % 2 + 7), HOSTILE_SNI,
                    "intercepted", new String[] {"unknown", HOSTILE_INTERCEPTOR, null}, "1.2", "tls", HOSTILE_SUBJECT,
                    List.of(MISSING_SHA256));
        }
        for (int i = 0; i < 3; i++) {
            session(bulk, "flow-suspect-" + i, minute(12, i), "lab-b", "2001:db8:1:2::" + (i + 5), "mail.example",
                    "suspected", null, "1.2", "tls", "CN=mail.example", List.of());
        }
        for (int i = 0; i < 10; i++) {
            boolean quic = i >= 8;
            session(bulk, "flow-blind-" + i, minute(2 * i, 15), "lab-b", "192.0.2." + (i + 20), "video.example",
                    "not_observable", null, "1.3", quic ? "quic" : "tls", null, List.of());
        }
        certificate(bulk, LEAF_SHA256, HOSTILE_SUBJECT, HOSTILE_INTERCEPTOR);
        certificate(bulk, CA_SHA256, "CN=Qaznet Trust Network", "CN=Qaznet Trust Network");
        stats(bulk, "lab-a", "eth0", minute(29, 0), 1000, 50);
        stats(bulk, "lab-b", "eth1", minute(29, 0), 500, 0);
        JsonNode answer = es(url, "POST", "/_bulk?refresh=true", bulk.toString());
        if (answer.path("errors").asBoolean(true)) {
            throw new IllegalStateException("bulk failed: " + answer);
        }
    }

    static String minute(int minute, int second) {
        return String.format("2024-05-01T10:%02d:%02dZ", minute, second);
    }

    private static void session(StringBuilder bulk, String id, String time, String sensor, String client, String sni,
                                String verdict, String[] interceptor, String tlsVersion, String protocol, String subject,
                                List<String> issuers) {
        ObjectNode d = header(time, "session", sensor);
        d.putObject("source").put("ip", client).put("port", 50_000);
        d.putObject("destination").put("ip", "198.51.100.1").put("port", 443);
        d.putObject("network").put("transport", "quic".equals(protocol) ? "udp" : "tcp").put("protocol", protocol)
                .put("community_id", "1:" + id);
        ObjectNode tls = d.putObject("tls");
        tls.put("version", tlsVersion).put("version_protocol", "tls").put("cipher", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        tls.putObject("client").put("server_name", sni).put("ja4", "t12d1909h2_d83cc789557e_7af1ed941c26");
        if (subject != null) {
            ObjectNode server = tls.putObject("server");
            String leaf = subject.equals(HOSTILE_SUBJECT) ? LEAF_SHA256 : "dd".repeat(32);
            server.putObject("hash").put("sha256", leaf).put("sha1", "ee".repeat(20));
            server.put("subject", subject);
            server.put("issuer", interceptor != null ? interceptor[1] : "CN=Public CA");
            var chain = server.putArray("certificate_chain_sha256");
            chain.add(leaf);
            issuers.forEach(chain::add);
        }
        ObjectNode own = d.putObject("tlswatch");
        own.put("flow_id", id);
        own.put("verdict", verdict);
        if (interceptor != null) {
            ObjectNode who = own.putObject("interceptor").put("class", interceptor[0]).put("name", interceptor[1]);
            if (interceptor[2] != null) {
                who.put("id", interceptor[2]);
            }
            own.putArray("rules").add("issuer_not_publicly_trusted").add("<b>rule</b>");
            ObjectNode evidence = own.putArray("evidence").addObject();
            evidence.put("rule", "issuer_not_publicly_trusted").put("strength", "strong");
            evidence.putObject("facts").put("issuer", interceptor[1]);
        }
        action(bulk, "tlswatch-sessions", id, d);
    }

    private static void certificate(StringBuilder bulk, String sha256, String subject, String issuer) {
        ObjectNode d = header(minute(0, 0), "certificate", "lab-b");
        ObjectNode x509 = d.putObject("x509");
        x509.putObject("subject").put("distinguished_name", subject);
        x509.putObject("issuer").put("distinguished_name", issuer);
        x509.put("not_before", "2024-01-01T00:00:00Z").put("not_after", "2025-01-01T00:00:00Z").put("serial_number", "01");
        d.putObject("hash").put("sha256", sha256).put("sha1", "ff".repeat(20));
        d.putObject("tlswatch").putObject("x509").put("spki_sha256", "12".repeat(32)).put("self_signed", sha256.equals(CA_SHA256));
        action(bulk, "tlswatch-certificates", sha256, d);
    }

    private static void stats(StringBuilder bulk, String sensor, String iface, String time, long received, long lost) {
        ObjectNode d = header(time, "stats", null);
        d.putObject("observer").put("name", sensor).putObject("ingress").putObject("interface").put("name", iface);
        ObjectNode delta = d.putObject("tlswatch").putObject("capture").putObject("delta");
        delta.put("received", received).put("lost", lost);
        action(bulk, "tlswatch-stats", sensor + "/" + iface + "/" + time, d);
    }

    private static ObjectNode header(String time, String kind, String sensor) {
        ObjectNode d = JSON.createObjectNode();
        d.put("@timestamp", time);
        d.putObject("event").put("kind", kind).put("dataset", "tlswatch." + kind);
        if (sensor != null) {
            d.putObject("observer").put("name", sensor);
        }
        return d;
    }

    private static void action(StringBuilder bulk, String index, String id, ObjectNode document) {
        ObjectNode action = JSON.createObjectNode();
        action.putObject("create").put("_index", index).put("_id", id);
        bulk.append(action).append('\n').append(document).append('\n');
    }

    /** A request to Elasticsearch, its JSON answer. */
    static JsonNode es(String url, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
