package io.tlswatch.analyzer.verdict.fingerprints;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which mitmengine captures show an interception product, and which product: the generator's
 * list of product keywords. A keyword is a piece of the lower-cased label; the first keyword in
 * {@link #KEYWORDS} that the label contains names the product, so the more specific come first.
 *
 * <p>The groups browsers, openssl and gnutls are ordinary clients. Every other group is classified
 * label by label: a label saying that no product was installed ("none", "no-av") is an ordinary
 * client, the baseline beside the product runs; a label with a keyword is that product; any other
 * label of misc is an ordinary client (plain browsers, OpenSSL builds, Tor), and any other label
 * of antivirus, antivirus-run2 or middleboxes stops the generator, for a keyword to be added.
 *
 * <p>Names say vendor, product and the version the label gives; "Sophos (middlebox)" because the
 * label does not say which Sophos gateway it was.
 */
final class ProductKeywords {
    static final String SECURITY = "security-product";
    static final String CORPORATE = "corporate";
    static final String PARENTAL = "parental-control";
    static final String UNKNOWN = "unknown";

    /** A product a keyword names. */
    record Product(String name, String interceptorClass) {
    }

    record Keyword(String text, Product product) {
    }

    /** How one capture was classified, and why (printed for review). */
    record Classification(MitmengineCapture capture, Optional<Product> product, String reason) {
    }

    static final Set<String> ORDINARY_GROUPS = Set.of("browsers", "openssl", "gnutls");
    static final Set<String> PRODUCT_GROUPS = Set.of("antivirus", "antivirus-run2", "middleboxes");
    static final String MIXED_GROUP = "misc";
    /** Label pieces that say no product ran: the baselines recorded beside the product runs. */
    static final List<String> NO_PRODUCT = List.of("-none-", "no-av");

    static final List<Keyword> KEYWORDS = List.of(
            k("mac-10.11.4-360totalsecurity", "360 Total Security for Mac 1.1", SECURITY),
            k("360totalsecurity-8", "360 Total Security 8", SECURITY),
            k("adguard", "AdGuard 6", SECURITY),
            k("ahnlabv3internetsecurity-8", "AhnLab V3 Internet Security 8", SECURITY),
            k("ahnlabs", "AhnLab", SECURITY),
            k("avast-11", "Avast 11", SECURITY),
            k("avast-free-antivirus-11", "Avast 11", SECURITY),
            k("avast-free-antivirus-7", "Avast Free Antivirus 7", SECURITY),
            k("avast-free-antivirus-9", "Avast Free Antivirus 9", SECURITY),
            k("avg-internet-security-2016", "AVG Internet Security 2016", SECURITY),
            k("avg-internet-security-2012", "AVG Internet Security 2012", SECURITY),
            k("avg-zen", "AVG Zen 1.41", SECURITY),
            k("avg-16.", "AVG 16", SECURITY),
            k("mac-10.11.4-avg-2015", "AVG for Mac 2015", SECURITY),
            k("avira-3.2", "Avira for Mac 3.2", SECURITY),
            k("avira-free-antivirus-2016", "Avira Free Antivirus 2016", SECURITY),
            k("avira", "Avira", SECURITY),
            k("bitdefender-4.0.3-mac-2016", "Bitdefender for Mac 2016", SECURITY),
            k("bitdefender-avplus-2013", "Bitdefender Antivirus Plus 2013", SECURITY),
            k("bitdefender-antivirus-plus-2014", "Bitdefender Antivirus Plus 2014", SECURITY),
            k("bitdefender-antivirus-plus-2012", "Bitdefender Antivirus Plus 2012", SECURITY),
            k("bitdefender-antivirus-free-2014", "Bitdefender Antivirus Free 2014", SECURITY),
            k("bitdefender-avpro-2011", "Bitdefender Antivirus Pro 2011", SECURITY),
            k("bitdefender", "Bitdefender", SECURITY),
            k("bluecoat-proxysg", "Blue Coat ProxySG 6.6", CORPORATE),
            k("bullguard-internet-security-16", "BullGuard Internet Security 16", SECURITY),
            k("bullguard-premium-protection-16", "BullGuard Premium Protection 16", SECURITY),
            k("bullguard-16", "BullGuard 16", SECURITY),
            k("bullguard", "BullGuard", SECURITY),
            k("comodo", "Comodo for Mac 2.2", SECURITY),
            k("content-explorer", "Content Explorer", UNKNOWN),
            k("cybersitter", "CYBERsitter 11", PARENTAL),
            k("dr-safety", "Dr. Safety 1.2", SECURITY),
            k("dr-web-10", "Dr.Web Security Space 10", SECURITY),
            k("drweb-security-space11", "Dr.Web Security Space 11", SECURITY),
            k("easy-hide-ip", "Easy Hide IP", UNKNOWN),
            k("eset-6.1", "ESET for Mac 6.1", SECURITY),
            k("eset-nod32-antivirus-8", "ESET NOD32 Antivirus 8", SECURITY),
            k("fortigate", "Fortinet FortiGate", CORPORATE),
            k("fortinet", "Fortinet FortiGate", CORPORATE),
            k("fsecuresafe", "F-Secure SAFE", SECURITY),
            k("mac-10.11.4-gdata-3.1", "G DATA for Mac 3.1", SECURITY),
            k("gdata-25", "G DATA 25", SECURITY),
            k("juniper-vsrx", "Juniper vSRX", CORPORATE),
            k("k7totalsecurity", "K7 Total Security", SECURITY),
            k("kaspersky-internet-security", "Kaspersky Internet Security 2016", SECURITY),
            k("kaspersky-total-security", "Kaspersky Total Security 2016", SECURITY),
            k("keep-my-family-secure", "Keep My Family Secure", PARENTAL),
            k("kindergate", "KinderGate Parental Control 3.2", PARENTAL),
            k("kurupira", "Kurupira 1.0", PARENTAL),
            k("mackeeper", "MacKeeper 3.9", SECURITY),
            k("malwarebytes-anti-malware-home-2.2", "Malwarebytes Anti-Malware 2.2", SECURITY),
            k("malwarebytes-1.1", "Malwarebytes Anti-Malware for Mac 1.1", SECURITY),
            k("mcafee-livesafe", "McAfee LiveSafe 3.8", SECURITY),
            k("microsoft-security", "Microsoft Security Essentials", SECURITY),
            k("netfilter-2", "NetFilter SDK 2", UNKNOWN),
            k("pcpandora", "PC Pandora 7", PARENTAL),
            k("qustodio", "Qustodio", PARENTAL),
            k("sophos-9.4", "Sophos Anti-Virus 9.4", SECURITY),
            k("sophos", "Sophos (middlebox)", CORPORATE),
            k("staffcop", "StaffCop", CORPORATE),
            k("tencentpcmanager", "Tencent PC Manager 11.4", SECURITY),
            k("trendmicromaxsecurity", "Trend Micro Maximum Security 10", SECURITY),
            k("untangle-12", "Untangle 12", CORPORATE),
            k("untangle-11", "Untangle 11", CORPORATE),
            k("untangle", "Untangle", CORPORATE),
            k("webtitan", "WebTitan", CORPORATE));

    private ProductKeywords() {
    }

    private static Keyword k(String text, String product, String interceptorClass) {
        return new Keyword(text, new Product(product, interceptorClass));
    }

    /** The capture's product, or why it is an ordinary client; throws for a product group's label no keyword names. */
    static Classification classify(MitmengineCapture capture) {
        String label = capture.label().toLowerCase(Locale.ROOT);
        if (ORDINARY_GROUPS.contains(capture.group())) {
            return ordinary(capture, "group " + capture.group() + ": ordinary clients");
        }
        if (!PRODUCT_GROUPS.contains(capture.group()) && !MIXED_GROUP.equals(capture.group())) {
            throw new IllegalArgumentException(capture.corpusPath() + ": group " + capture.group() + " is not classified");
        }
        for (String none : NO_PRODUCT) {
            if (label.contains(none)) {
                return ordinary(capture, "label says no product ran (\"" + none + "\")");
            }
        }
        for (Keyword keyword : KEYWORDS) {
            if (label.contains(keyword.text())) {
                return new Classification(capture, Optional.of(keyword.product()), "keyword \"" + keyword.text() + "\"");
            }
        }
        if (MIXED_GROUP.equals(capture.group())) {
            return ordinary(capture, "misc label names no product");
        }
        throw new IllegalArgumentException(capture.corpusPath() + ": a " + capture.group()
                + " capture that no keyword names: add one to ProductKeywords.KEYWORDS");
    }

    private static Classification ordinary(MitmengineCapture capture, String reason) {
        return new Classification(capture, Optional.empty(), reason);
    }
}
