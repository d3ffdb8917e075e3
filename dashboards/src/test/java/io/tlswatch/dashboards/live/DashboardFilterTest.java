package io.tlswatch.dashboards.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's filter as the browser sends it: what it accepts, what it refuses and why, and the query it makes. */
class DashboardFilterTest {

    private static DashboardFilter parse(String query) throws DashboardFilter.Invalid {
        return DashboardFilter.parse(QueryString.parse(query).orElseThrow());
    }

    @Test
    void timesAreReadAsInstantsOrAsUtcDatesAndLocalTimes() throws Exception {
        DashboardFilter f = parse("from=2024-05-01&to=2024-05-01T10%3A30&sensor=lab-a&subnet=192.0.2.0%2F24");
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), f.from());
        assertEquals(Instant.parse("2024-05-01T10:30:00Z"), f.to());
        assertEquals("lab-a", f.sensor());
        assertEquals("192.0.2.0/24", f.subnet());
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), parse("from=2024-05-01T10:00:00%2B02:00").from());
    }

    @Test
    void blanksAreAbsentAndNothingSetQueriesEverything() throws Exception {
        DashboardFilter f = parse("from=&sensor=+&subnet=");
        assertNull(f.from());
        assertNull(f.sensor());
        assertEquals("{\"bool\":{\"filter\":[]}}", f.sessionQuery().toString());
    }

    @Test
    void theQueryHasOneFilterClausePerPartAndStatsIgnoreTheSubnet() throws Exception {
        DashboardFilter f = parse("from=2024-05-01T00:00:00Z&sensor=lab-a&subnet=2001:db8::/64");
        assertEquals("{\"bool\":{\"filter\":[{\"range\":{\"@timestamp\":{\"gte\":\"2024-05-01T00:00:00Z\"}}},"
                + "{\"term\":{\"observer.name\":\"lab-a\"}},{\"term\":{\"source.ip\":\"2001:db8::/64\"}}]}}",
                f.sessionQuery().toString());
        assertFalse(f.statsQuery().toString().contains("source.ip"));
    }

    @Test
    void anInterceptorAndAServerNameNarrowSessionsToThemAsGivenButNotTheStats() throws Exception {
        DashboardFilter f = parse("interceptor=CN%3D%3Cb%3E+x+&server_name=bank.example");
        assertEquals("CN=<b> x ", f.interceptor(), "a name from the wire is kept exactly, blanks too");
        assertTrue(f.sessionQuery().toString().contains("{\"term\":{\"tlswatch.interceptor.name\":\"CN=<b> x \"}}"));
        assertTrue(f.sessionQuery().toString().contains("{\"term\":{\"tls.client.server_name\":\"bank.example\"}}"));
        assertEquals("{\"bool\":{\"filter\":[]}}", f.statsQuery().toString());
        assertThrows(DashboardFilter.Invalid.class, () -> parse("server_name=" + "x".repeat(DashboardFilter.MAX_NAME_LENGTH + 1)));
    }

    @Test
    void badValuesAreRefusedWithTheNameOfTheParameter() {
        assertTrue(assertThrows(DashboardFilter.Invalid.class, () -> parse("from=yesterday")).getMessage().contains("'from'"));
        assertTrue(assertThrows(DashboardFilter.Invalid.class, () -> parse("from=2024-05-02&to=2024-05-01"))
                .getMessage().contains("before"));
        assertTrue(assertThrows(DashboardFilter.Invalid.class, () -> parse("sensor=" + "x".repeat(257)))
                .getMessage().contains("'sensor'"));
        for (String subnet : new String[] {"example.org", "192.0.2.0/33", "256.0.0.1", "2001:db8::/129", "::g", "1:2"}) {
            assertThrows(DashboardFilter.Invalid.class, () -> parse("subnet=" + subnet), subnet);
        }
    }

    @Test
    void subnetsAreAddressLiteralsWithAPrefixInRange() {
        for (String ok : new String[] {"192.0.2.7", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::1", "2001:db8:1:2::/64", "::/0"}) {
            assertTrue(DashboardFilter.isCidr(ok), ok);
        }
    }

    @Test
    void theQueryStringIsBoundedAndDecodedLikeAForm() {
        assertEquals(Map.of("sensor", "lab a", "x", ""), QueryString.parse("sensor=lab+a&x&sensor=other").orElseThrow());
        assertTrue(QueryString.parse("a=%zz").isEmpty(), "a bad escape");
        assertTrue(QueryString.parse("a=" + "b".repeat(QueryString.MAX_LENGTH)).isEmpty(), "too long");
        assertTrue(QueryString.parse("a=1&".repeat(QueryString.MAX_PARAMETERS + 1)).isEmpty(), "too many");
        assertEquals(Map.of(), QueryString.parse(null).orElseThrow());
    }
}
