package io.tlswatch.dashboards.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexNamingTest {

    @Test
    void everyTopicUnderThePrefixButTheDeadLettersIsRead() {
        IndexTopics t = new IndexTopics("tlswatch");
        assertTrue(t.subscription().matcher("tlswatch.sessions").matches());
        assertTrue(t.subscription().matcher("tlswatch.rollups").matches());
        assertTrue(t.subscription().matcher("tlswatch.stats").matches());
        assertFalse(t.subscription().matcher("tlswatch.deadletter").matches());
        assertFalse(t.subscription().matcher("tlswatchXsessions").matches(), "the dot is literal");
        assertFalse(t.subscription().matcher("other.sessions").matches());
        assertEquals("tlswatch-certificates", t.target("tlswatch.certificates"));
        assertEquals("tlswatch-sessions", new IndexTopics("site-a.tls").target("site-a.tls.sessions"));
        assertEquals("site-a.tls.deadletter", new IndexTopics("site-a.tls").deadLetterTopic());
    }

    @Test
    void theIdIsTheContentKeyAndAKeylessRecordIsIdentifiedByItsPlace() {
        assertEquals("3f2a9c", DocumentId.of("3f2a9c".getBytes(StandardCharsets.UTF_8), "t", 0, 9));
        assertEquals("t-2-17", DocumentId.of(null, "t", 2, 17));
        String longKey = "k".repeat(DocumentId.MAX_ID_BYTES + 1);
        String id = DocumentId.of(longKey.getBytes(StandardCharsets.UTF_8), "t", 0, 0);
        assertTrue(id.startsWith("sha256-") && id.length() == 7 + 64, id);
        assertEquals(id, DocumentId.of(longKey.getBytes(StandardCharsets.UTF_8), "t", 5, 5), "stable");
    }

    @Test
    void busyAndDownAreTriedAgainConflictsAreDoneAndOther4xxAreRejected() {
        assertEquals(ItemOutcome.CREATED, ItemOutcome.of(201));
        assertEquals(ItemOutcome.ALREADY_THERE, ItemOutcome.of(409));
        assertEquals(ItemOutcome.RETRY, ItemOutcome.of(429));
        assertEquals(ItemOutcome.RETRY, ItemOutcome.of(503));
        assertEquals(ItemOutcome.REJECTED, ItemOutcome.of(400));
        assertEquals(ItemOutcome.REJECTED, ItemOutcome.of(413));
    }
}
