package io.tlswatch.analyzer.x509.synth;

/**
 * The interception CAs of the synthetic PKI: each named as the product or government CA that the
 * shipped interceptor catalogue
 * ({@code analyzer/src/main/resources/io/tlswatch/analyzer/verdict/catalogue/interceptors.catalogue})
 * knows by name, with a key of our own, so a forged chain under it is recognised by the catalogue
 * entry {@link #catalogueId()}. Names are RFC 4514 strings (the last RDN of the certificate first).
 */
public enum SyntheticInterceptor {
    /** Kazakhstan's 2019 root and the intermediate that signed the forged leaves; sends leaf and intermediate. */
    QAZNET("kz-qaznet-trust-network-2019", "CN=Qaznet Trust Network,C=KZ", "CN=Security Certificate,C=KZ", true),
    /** A FortiGate firewall's default SSL inspection CA, which signs the leaves itself; sends leaf and CA. */
    FORTIGATE("fortinet-fortigate", "EMAILADDRESS=support@fortinet.com,CN=FortiGate CA,OU=Certificate Authority,"
            + "O=Fortinet,L=Sunnyvale,ST=California,C=US", null, true),
    /** Zscaler's cloud proxy: root and an intermediate; sends leaf and intermediate. */
    ZSCALER("zscaler", "CN=Zscaler Root CA,OU=Zscaler Inc.,O=Zscaler Inc.,L=San Jose,ST=California,C=US",
            "CN=Zscaler Intermediate Root CA (zscaler.net),OU=Zscaler Inc.,O=Zscaler Inc.,ST=California,C=US", true),
    /** Kaspersky's HTTPS scanning on the client's own machine; sends the leaf alone. */
    KASPERSKY("kaspersky", "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab", null, false);

    private final String catalogueId;
    private final String rootName;
    private final String issuingName;
    private final boolean sendsIssuer;

    SyntheticInterceptor(String catalogueId, String rootName, String issuingName, boolean sendsIssuer) {
        this.catalogueId = catalogueId;
        this.rootName = rootName;
        this.issuingName = issuingName;
        this.sendsIssuer = sendsIssuer;
    }

    /** The id of the shipped catalogue entry that names this CA. */
    public String catalogueId() {
        return catalogueId;
    }

    /** The root's subject, RFC 4514. */
    public String rootName() {
        return rootName;
    }

    /** The subject of the intermediate that signs the forged leaves, or null when the root signs them. */
    public String issuingName() {
        return issuingName;
    }

    /** Whether the forged chain carries the signing CA after the leaf (else the leaf alone). */
    public boolean sendsIssuer() {
        return sendsIssuer;
    }
}
