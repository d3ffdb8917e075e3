package io.tlswatch.analyzer.verdict.fingerprints;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table of interception products' ClientHellos, as text: UTF-8, one row per line, fields
 * separated by one tab, {@code #} starting a comment line, blank lines ignored. The first line that
 * is neither is the header, exactly {@link #HEADER}:
 *
 * <pre>
 *  column       example                                  or       what
 *  ja4          t11d520400_80f1d282cb34_990b54203475     "-"      JA4 over TCP
 *  ja3          0f344211ee5312ee604ead14db38e796         "-"      JA3 MD5, 32 hex digits
 *  product      StaffCop                                          no ';', no control character
 *  class        corporate                                         one of CLASSES
 *  shared_with  Keep My Family Secure                    "-"      the other products, ';' between
 *  captures     misc/staffcop/handshake.pcap             "-"      where it was seen, ';' between
 *  source       cloudflare/mitmengine reference_fingerprints/pcaps (BSD-3-Clause)
 * </pre>
 *
 * A row has a JA4, a JA3 or both, and always a source. shared_with is for the reader of the file:
 * {@link InterceptionClientHellos} works it out again over all the rows it loads. Only describes
 * the text: reading and writing it is {@link InterceptionHelloTableText}'s job.
 */
public final class InterceptionHelloTableFormat {
    /** The column names in order, tab-separated: the header line. */
    public static final String HEADER = "ja4\tja3\tproduct\tclass\tshared_with\tcaptures\tsource";
    /** Fields per row. */
    static final int COLUMNS = 7;
    static final int JA4 = 0;
    static final int JA3 = 1;
    static final int PRODUCT = 2;
    static final int CLASS = 3;
    static final int SHARED_WITH = 4;
    static final int CAPTURES = 5;
    static final int SOURCE = 6;

    public static final char FIELD_SEPARATOR = '\t';
    /** Between the names of shared_with and between captures. */
    public static final char LIST_SEPARATOR = ';';
    /** An empty field: no fingerprint of that kind, no other product, no capture. */
    public static final String NONE = "-";
    public static final char COMMENT = '#';

    /**
     * The names of {@code interceptor.class} (DESIGN.md, and the interceptor catalogue's classes);
     * {@code sanctioned} is for a user's own, declared proxy.
     */
    public static final Set<String> CLASSES = Set.of("government", "corporate", "security-product",
            "parental-control", "malware", "testing-tool", "unknown", "sanctioned");

    /**
     * JA4's first part (transport, version, SNI flag, two counts, ALPN characters), then the two
     * 12-digit hashes (FoxIO technical_details/JA4.md).
     */
    public static final Pattern JA4_PATTERN = Pattern.compile(
            "[tqd](?:13|12|11|10|s3|s2|d1|d2|d3|00)[di][0-9]{4}[A-Za-z0-9]{2}_[0-9a-f]{12}_[0-9a-f]{12}");
    /** JA3's MD5: 32 lower-case hex digits (upper case is accepted and lowered on reading). */
    public static final Pattern JA3_PATTERN = Pattern.compile("[0-9a-f]{32}");

    /** Longest file read: the shipped table is a few tens of kilobytes. */
    public static final long MAX_FILE_BYTES = 4L << 20;
    /** Longest line accepted (a row lists its captures). */
    public static final int MAX_LINE_CHARS = 16_384;
    /** Longest product name. */
    public static final int MAX_PRODUCT_CHARS = 200;

    /** The source of every generated row. */
    public static final String MITMENGINE_SOURCE =
            "cloudflare/mitmengine reference_fingerprints/pcaps (BSD-3-Clause)";

    private InterceptionHelloTableFormat() {
    }
}
