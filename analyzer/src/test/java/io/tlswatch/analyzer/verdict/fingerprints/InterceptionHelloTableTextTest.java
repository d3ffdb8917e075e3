package io.tlswatch.analyzer.verdict.fingerprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines of the table into rows, and bad lines into one-line problems that name file and line. */
class InterceptionHelloTableTextTest {
    /** StaffCop's row as the shipped table has it (misc/staffcop in mitmengine's captures). */
    private static final String STAFFCOP = "t11d520400_80f1d282cb34_990b54203475\t0f344211ee5312ee604ead14db38e796"
            + "\tStaffCop\tcorporate\tKeep My Family Secure\tmisc/staffcop/handshake.pcap"
            + "\tcloudflare/mitmengine reference_fingerprints/pcaps (BSD-3-Clause)";

    private static InterceptionHelloTableText.Parsed parse(String... lines) {
        return InterceptionHelloTableText.parse("t.tsv", String.join("\n", lines));
    }

    @Test
    void rowReadsIntoItsFields() {
        InterceptionHelloTableText.Parsed parsed = parse("# comment", "", InterceptionHelloTableFormat.HEADER, STAFFCOP);
        assertEquals(List.of(), parsed.problems());
        InterceptionClientHello row = parsed.rows().get(0);
        assertEquals("t11d520400_80f1d282cb34_990b54203475", row.ja4());
        assertEquals("0f344211ee5312ee604ead14db38e796", row.ja3());
        assertEquals("StaffCop", row.product());
        assertEquals("corporate", row.interceptorClass());
        assertEquals(List.of("Keep My Family Secure"), row.sharedWith());
        assertEquals(List.of("misc/staffcop/handshake.pcap"), row.captures());
        assertEquals(InterceptionHelloTableFormat.MITMENGINE_SOURCE, row.source());
    }

    @Test
    void rowWrittenReadsBackTheSame() {
        InterceptionClientHello row = parse(InterceptionHelloTableFormat.HEADER, STAFFCOP).rows().get(0);
        assertEquals(STAFFCOP, InterceptionHelloTableText.line(row));
        InterceptionClientHello ja4Only = new InterceptionClientHello(row.ja4(), null, "Mine", "sanctioned",
                List.of(), List.of(), "our lab");
        String line = InterceptionHelloTableText.line(ja4Only);
        assertEquals(ja4Only, parse(InterceptionHelloTableFormat.HEADER, line).rows().get(0));
    }

    @Test
    void dashesAreEmptyAndUpperCaseJa3IsLowered() {
        InterceptionClientHello row = parse(InterceptionHelloTableFormat.HEADER,
                "-\t0F344211EE5312EE604EAD14DB38E796\tMine\tunknown\t-\t-\tme").rows().get(0);
        assertNull(row.ja4());
        assertEquals("0f344211ee5312ee604ead14db38e796", row.ja3());
        assertEquals(List.of(), row.sharedWith());
        assertEquals(List.of(), row.captures());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "t11d520400_80f1d282cb34_990b54203475\t-\tX\tcorporate\t-\t-  | 7 tab-separated fields expected, found 6",
        "t11d520400_80f1d282cb34\t-\tX\tcorporate\t-\t-\tme | ja4 \"t11d520400_80f1d282cb34\" is not a JA4",
        "-\t0f344211ee5312ee604ead14db38e79\tX\tcorporate\t-\t-\tme | ja3 \"0f344211ee5312ee604ead14db38e79\" is not a JA3 MD5",
        "-\t-\tX\tcorporate\t-\t-\tme | neither a ja4 nor a ja3",
        "-\t0f344211ee5312ee604ead14db38e796\t\tcorporate\t-\t-\tme | product is empty",
        "-\t0f344211ee5312ee604ead14db38e796\tA;B\tcorporate\t-\t-\tme | product \"A;B\" holds ';', the list separator",
        "-\t0f344211ee5312ee604ead14db38e796\tX\tantivirus\t-\t-\tme | class \"antivirus\" is not one of ",
        "-\t0f344211ee5312ee604ead14db38e796\tX\tcorporate\t-\t-\t- | no source"})
    void badLineIsOneProblemNamingFileAndLine(String line, String problem) {
        InterceptionHelloTableText.Parsed parsed = parse("# a user's table", InterceptionHelloTableFormat.HEADER, line);
        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("t.tsv:3: " + problem), parsed.problems().get(0));
        assertFalse(parsed.problems().get(0).contains("\n"));
    }

    @Test
    void goodLinesAroundABadOneAreKept() {
        InterceptionHelloTableText.Parsed parsed = parse(InterceptionHelloTableFormat.HEADER, STAFFCOP,
                "garbage", STAFFCOP.replace("StaffCop", "StaffCop 2"));
        assertEquals(List.of("StaffCop", "StaffCop 2"), parsed.rows().stream().map(InterceptionClientHello::product).toList());
        assertEquals(List.of("t.tsv:3: 7 tab-separated fields expected, found 1"), parsed.problems());
    }

    @Test
    void sameFingerprintsAndProductTwiceIsAProblem() {
        InterceptionHelloTableText.Parsed parsed = parse(InterceptionHelloTableFormat.HEADER, STAFFCOP, STAFFCOP);
        assertEquals(1, parsed.rows().size());
        assertEquals(List.of("t.tsv:3: the same ja4, ja3 and product as an earlier line"), parsed.problems());
    }

    @Test
    void withoutTheHeaderNothingIsRead() {
        InterceptionHelloTableText.Parsed parsed = parse("# columns swapped", STAFFCOP);
        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("t.tsv:2: expected the header line \"ja4<TAB>ja3<TAB>product"),
                parsed.problems().get(0));
        assertEquals(List.of("t.tsv: no header line \"ja4<TAB>ja3<TAB>product<TAB>class<TAB>shared_with<TAB>captures"
                + "<TAB>source\"; nothing read"), parse("# only comments").problems());
    }

    @Test
    void emptySourceIsAProblem() {
        InterceptionHelloTableText.Parsed parsed = parse(InterceptionHelloTableFormat.HEADER,
                STAFFCOP.substring(0, STAFFCOP.lastIndexOf('\t') + 1));
        assertEquals(List.of("t.tsv:2: no source: say where the fingerprint comes from"), parsed.problems());
    }

    @Test
    void overlongLineIsRefusedBeforeItIsSplit() {
        String longSource = "x".repeat(InterceptionHelloTableFormat.MAX_LINE_CHARS);
        InterceptionHelloTableText.Parsed parsed = parse(InterceptionHelloTableFormat.HEADER, STAFFCOP + longSource);
        assertEquals(List.of("t.tsv:2: line longer than " + InterceptionHelloTableFormat.MAX_LINE_CHARS + " characters"),
                parsed.problems());
    }
}
