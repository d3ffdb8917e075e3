package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.HttpAsyncResponseConsumerFactory;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Read-only access to Elasticsearch for the dashboard: searches and gets with JSON bodies, through
 * the official low-level REST client (the transport the typed Java client is built on). The
 * queries stay JSON, as one would paste them into Kibana's console. A missing index or data stream
 * reads as empty ({@code ignore_unavailable}), so a fresh cluster shows an empty dashboard.
 */
public final class ElasticsearchReader implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bound on what one response may bring into memory: the client refuses a longer one. */
    static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
    private static final RequestOptions BOUNDED = RequestOptions.DEFAULT.toBuilder()
            .setHttpAsyncResponseConsumerFactory(
                    new HttpAsyncResponseConsumerFactory.HeapBufferedResponseConsumerFactory(MAX_RESPONSE_BYTES))
            .build();

    private final RestClient rest;

    /** Elasticsearch answered with an error status: the status and the error's type, for the user. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String type, ResponseException cause) {
            super("Elasticsearch answered " + status + (type.isEmpty() ? "" : " (" + type + ")"), cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public ElasticsearchReader(String url) {
        this.rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(r -> r.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .build();
    }

    /** {@code POST /target/_search} with {@code body}. */
    public JsonNode search(String target, ObjectNode body) throws IOException {
        Request request = new Request("POST", "/" + target + "/_search");
        request.addParameter("ignore_unavailable", "true");
        request.addParameter("allow_no_indices", "true");
        request.setEntity(new NStringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        return send(request);
    }

    /** {@code POST /index/_mget} of {@code ids}: each doc, found or not, in order. */
    public JsonNode multiGet(String index, Iterable<String> ids) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        var array = body.putArray("ids");
        ids.forEach(array::add);
        Request request = new Request("POST", "/" + index + "/_mget");
        request.setEntity(new NStringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        try {
            return send(request);
        } catch (Refused e) {
            if (e.status() == 404) {
                ObjectNode none = JSON.createObjectNode();
                none.putArray("docs");
                return none;
            }
            throw e;
        }
    }

    private JsonNode send(Request request) throws IOException {
        request.setOptions(BOUNDED);
        Response response;
        try {
            response = rest.performRequest(request);
        } catch (ResponseException e) {
            throw new Refused(e.getResponse().getStatusLine().getStatusCode(), errorType(e), e);
        }
        try (InputStream in = response.getEntity().getContent()) {
            return JSON.readTree(in);
        }
    }

    /** The {@code error.type} of an error answer ({@code index_not_found_exception}...), or "". */
    private static String errorType(ResponseException e) {
        try (InputStream in = e.getResponse().getEntity().getContent()) {
            String type = JSON.readTree(in.readNBytes(64 * 1024)).path("error").path("type").asText("");
            return type.matches("[a-z_]{1,80}") ? type : "";
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
