package io.tlswatch.analyzer.rollup;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.output.DocumentKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An exact count of sessions in one bucket ({@link RollupKey}) as a document. Its key is the
 * bucket's identity (sensor, minute, subnet, verdict, interceptor) hashed, and the part: a bucket
 * emitted and then reached by a late session is emitted again as the next part with only the late
 * count, so that the sum over parts stays exact and a replay gives the same keys.
 */
public final class RollupDocument implements Document {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final RollupKey bucket;
    private final String sensor;
    private final int part;
    private final long sessions;
    private final String key;

    public RollupDocument(RollupKey bucket, String sensor, int part, long sessions) {
        this.bucket = bucket;
        this.sensor = sensor;
        this.part = part;
        this.sessions = sessions;
        this.key = keyOf(bucket, sensor, part);
    }

    static String keyOf(RollupKey b, String sensor, int part) {
        String text = sensor + '\n' + b.epochMinute() + '\n' + b.clientSubnet() + '\n' + b.verdict().jsonName() + '\n'
                + (b.interceptor() == null ? "" : b.interceptor().interceptorClass().jsonName() + '\n'
                + b.interceptor().name() + '\n' + b.interceptor().id());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "-" + part;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.ROLLUP;
    }

    @Override
    public String key() {
        return key;
    }

    public RollupKey bucket() {
        return bucket;
    }

    public long sessions() {
        return sessions;
    }

    @Override
    public void writeTo(JsonGenerator g) throws IOException {
        g.writeStartObject();
        DocumentHeader.write(g, DocumentKind.ROLLUP, bucket.epochMinute() * NANOS_PER_MINUTE, sensor);
        g.writeObjectFieldStart("tlswatch");
        g.writeStringField("verdict", bucket.verdict().jsonName());
        if (bucket.interceptor() != null) {
            g.writeObjectFieldStart("interceptor");
            g.writeStringField("class", bucket.interceptor().interceptorClass().jsonName());
            g.writeStringField("name", bucket.interceptor().name());
            if (bucket.interceptor().id() != null) {
                g.writeStringField("id", bucket.interceptor().id());
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("rollup");
        g.writeStringField("key", key);
        g.writeStringField("client_subnet", bucket.clientSubnet());
        g.writeNumberField("sessions", sessions);
        g.writeNumberField("part", part);
        g.writeNumberField("minutes", 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
