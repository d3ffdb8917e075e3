package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.net.IpAddressText;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The server name (from the ClientHello) against the leaf's identifiers: dNSName and iPAddress
 * subject alternative names (RFC 5280 section 4.2.1.6), and the subject common names only when the
 * leaf has neither (RFC 6125 section 6.4.4; flagged, since browsers no longer fall back). An IP
 * literal matches only an iPAddress name of the same bytes, never a DNS name or a wildcard.
 */
final class ServerNameCheck {
    /**
     * @param checked a server name was given
     * @param matchedName the presented name that matched ("*.example.com"; an address in
     *     {@link IpAddressText} form, "2001:db8::10"), or null
     * @param viaCommonName the match came from the subject CN
     */
    record Result(boolean checked, String matchedName, boolean viaCommonName) {
        static final Result NOT_CHECKED = new Result(false, null, false);
        static final Result MISMATCH = new Result(true, null, false);
    }

    private ServerNameCheck() {
    }

    static Result check(ChainCertificate leaf, String serverName) {
        if (serverName == null || serverName.isEmpty()) {
            return Result.NOT_CHECKED;
        }
        byte[] ip = IpLiteral.parse(serverName);
        String reference = ip == null ? HostnameMatcher.reference(serverName) : null;
        if (ip == null && reference == null) {
            return Result.MISMATCH;
        }
        GeneralName[] names = alternativeNames(leaf);
        boolean anyDnsOrIp = false;
        for (GeneralName name : names) {
            String matched = null;
            if (name.getTagNo() == GeneralName.dNSName) {
                anyDnsOrIp = true;
                String presented = ((ASN1String) name.getName()).getString();
                matched = reference != null && HostnameMatcher.matches(presented, reference) ? presented : null;
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                anyDnsOrIp = true;
                byte[] presented = ASN1OctetString.getInstance(name.getName()).getOctets();
                matched = ip != null && Arrays.equals(presented, ip) ? IpAddressText.format(presented) : null;
            }
            if (matched != null) {
                return new Result(true, matched, false);
            }
        }
        if (!anyDnsOrIp && reference != null) {
            for (String commonName : leaf.info().subject().commonNames()) {
                if (HostnameMatcher.matches(commonName, reference)) {
                    return new Result(true, commonName, true);
                }
            }
        }
        return Result.MISMATCH;
    }

    /**
     * The leaf's subject alternative names; none when the extension is absent, empty or did not
     * parse. Only a value the X.509 parser already read (it counted names) is decoded again: the
     * parser bounded its nesting first, so Bouncy Castle's recursive decoder is safe on it.
     */
    private static GeneralName[] alternativeNames(ChainCertificate leaf) {
        Extensions extensions = leaf.certificate().getTBSCertificate().getExtensions();
        if (extensions == null || leaf.info().alternativeNameCount() == 0) {
            return new GeneralName[0];
        }
        try {
            Extension extension = extensions.getExtension(Extension.subjectAlternativeName);
            if (extension == null) {
                return new GeneralName[0];
            }
            GeneralName[] names = GeneralNames.getInstance(extension.getParsedValue()).getNames();
            for (GeneralName name : names) {
                if (name.getTagNo() == GeneralName.dNSName && !(name.getName() instanceof ASN1String)) {
                    return new GeneralName[0];
                }
            }
            return names;
        } catch (RuntimeException malformed) { // see BouncyCastleFailures in the x509 package
            return new GeneralName[0];
        }
    }
}
