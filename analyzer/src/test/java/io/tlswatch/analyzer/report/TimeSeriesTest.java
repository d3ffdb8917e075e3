package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.verdict.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static long total(List<TimeBucket> buckets) {
        return buckets.stream().mapToLong(b -> b.sessions().total()).sum();
    }

    @Test
    void aShortCaptureGetsOneSecondBucketsWithEveryVerdictCounted() {
        TimeSeries series = new TimeSeries();
        series.add(Sessions.at(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "a.example", Verdict.INTERCEPTED));
        series.add(Sessions.at(Sessions.T0.plusMillis(400), Sessions.ipv4(192, 0, 2, 2), "a.example", Verdict.CLEAN));
        series.add(Sessions.at(Sessions.T0.plusSeconds(3), Sessions.ipv4(192, 0, 2, 1), "b.example", Verdict.SUSPECTED));
        assertEquals(1000, series.widthMillis());
        List<TimeBucket> buckets = series.buckets();
        assertEquals(4, buckets.size(), "seconds 0 to 3, the empty ones included");
        assertEquals(Sessions.T0.toEpochMilli(), buckets.get(0).startMillis());
        assertEquals(1, buckets.get(0).sessions().of(Verdict.INTERCEPTED));
        assertEquals(1, buckets.get(0).sessions().of(Verdict.CLEAN));
        assertEquals(2, buckets.get(0).clients());
        assertEquals(1, buckets.get(0).interceptedClients());
        assertEquals(0, buckets.get(1).sessions().total());
        assertEquals(1, buckets.get(3).suspectedClients());
    }

    @Test
    void aLongerSpanCoarsensTheBucketsAndKeepsEverySession() {
        TimeSeries series = new TimeSeries(10, 100);
        for (int i = 0; i < 100; i++) {
            series.add(Sessions.at(Sessions.T0.plusSeconds(7L * i), Sessions.ipv4(192, 0, 2, i), "a.example", Verdict.CLEAN));
        }
        assertTrue(series.buckets().size() <= 10, "at most the bound: " + series.buckets().size());
        assertEquals(300_000, series.widthMillis(), "700 s in at most 10 buckets: 5 minutes each");
        assertEquals(100, total(series.buckets()));
        assertEquals(100, series.buckets().stream().mapToInt(TimeBucket::clients).sum(), "one client per session");
        assertEquals(0, series.droppedSessions());
        series.buckets().forEach(b -> assertEquals(0, b.startMillis() % series.widthMillis(), "aligned on the width"));
    }

    @Test
    void pastAWeekPerBucketTheOldestAreDroppedAndCounted() {
        TimeSeries series = new TimeSeries(4, 100);
        Duration week = Duration.ofDays(7);
        for (int i = 0; i < 6; i++) {
            series.add(Sessions.at(Sessions.T0.plus(week.multipliedBy(i)), Sessions.ipv4(192, 0, 2, 1), "a.example",
                    Verdict.CLEAN));
        }
        assertEquals(604_800_000, series.widthMillis());
        assertEquals(4, series.buckets().size());
        assertEquals(2, series.droppedSessions());
        assertEquals(4, total(series.buckets()));
        series.add(Sessions.at(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "a.example", Verdict.CLEAN));
        assertEquals(3, series.droppedSessions(), "a session older than the window kept is counted, not kept");
    }

    @Test
    void distinctClientsOfABucketAreALowerBoundPastTheirLimit() {
        TimeSeries series = new TimeSeries(10, 3);
        for (int i = 0; i < 5; i++) {
            series.add(Sessions.at(Sessions.T0, Sessions.ipv4(192, 0, 2, i), "a.example", Verdict.INTERCEPTED));
        }
        TimeBucket only = series.buckets().get(0);
        assertEquals(5, only.sessions().of(Verdict.INTERCEPTED));
        assertEquals(3, only.clients());
        assertTrue(only.saturated());
    }
}
