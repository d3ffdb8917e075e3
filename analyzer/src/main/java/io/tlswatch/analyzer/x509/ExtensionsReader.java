package io.tlswatch.analyzer.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Reads the extensions we report (RFC 5280 section 4.2, RFC 6962 section 3.3) into the builder.
 * Each extension is decoded on its own: one that does not parse is listed as malformed and the
 * others still count.
 */
final class ExtensionsReader {
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALTERNATIVE_NAME = "2.5.29.17";
    private static final String AUTHORITY_INFORMATION_ACCESS = "1.3.6.1.5.5.7.1.1";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";

    /** The extensions this class reads. */
    private static final Set<String> READ = Set.of(BASIC_CONSTRAINTS, KEY_USAGE, EXTENDED_KEY_USAGE,
            SUBJECT_ALTERNATIVE_NAME, AUTHORITY_INFORMATION_ACCESS, SUBJECT_KEY_IDENTIFIER,
            AUTHORITY_KEY_IDENTIFIER, SctListLayout.EXTENSION_OID);

    /** Extensions RFC 5280 section 4.2 defines; other critical ones are "unknown critical". */
    private static final Set<String> RFC_5280_EXTENSIONS = Set.of(
            AUTHORITY_KEY_IDENTIFIER, SUBJECT_KEY_IDENTIFIER, KEY_USAGE, "2.5.29.32", "2.5.29.33",
            SUBJECT_ALTERNATIVE_NAME, "2.5.29.18", "2.5.29.9", BASIC_CONSTRAINTS, "2.5.29.30",
            "2.5.29.36", EXTENDED_KEY_USAGE, "2.5.29.31", "2.5.29.54", "2.5.29.46",
            AUTHORITY_INFORMATION_ACCESS, "1.3.6.1.5.5.7.1.11");

    private final CertificateInfo.Builder builder;
    private final ParseNotes notes;
    private final List<String> unknownCritical = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();

    private ExtensionsReader(CertificateInfo.Builder builder, ParseNotes notes) {
        this.builder = builder;
        this.notes = notes;
    }

    static void read(Extensions extensions, CertificateInfo.Builder builder, ParseNotes notes) {
        if (extensions == null) {
            return;
        }
        ExtensionsReader reader = new ExtensionsReader(builder, notes);
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            reader.readOne(extensions.getExtension(oid));
        }
        builder.unknownCriticalExtensions = reader.unknownCritical;
        builder.malformedExtensions = reader.malformed;
    }

    private void readOne(Extension extension) {
        String oid = extension.getExtnId().getId();
        if (extension.isCritical() && !RFC_5280_EXTENSIONS.contains(oid)) {
            notes.add(unknownCritical, oid, CertificateLimits.MAX_LIST_ENTRIES);
        }
        if (!READ.contains(oid)) {
            return;
        }
        ASN1Primitive value = Asn1Input.decode(extension.getExtnValue().getOctets());
        boolean understood;
        try {
            understood = value != null && apply(oid, value);
        } catch (RuntimeException malformedValue) { // see BouncyCastleFailures
            understood = false;
        }
        if (!understood) {
            notes.note(CertificateAnomaly.MALFORMED_EXTENSION);
            notes.add(malformed, oid, CertificateLimits.MAX_LIST_ENTRIES);
        }
    }

    /** Reads one extension value; false when it is not what its OID promises. */
    private boolean apply(String oid, ASN1Primitive value) {
        switch (oid) {
            case BASIC_CONSTRAINTS -> basicConstraints(BasicConstraints.getInstance(value));
            case KEY_USAGE -> keyUsage(KeyUsage.getInstance(value));
            case EXTENDED_KEY_USAGE -> extendedKeyUsage(ExtendedKeyUsage.getInstance(value));
            case SUBJECT_ALTERNATIVE_NAME -> alternativeNames(GeneralNames.getInstance(value));
            case AUTHORITY_INFORMATION_ACCESS -> authorityInformationAccess(AuthorityInformationAccess.getInstance(value));
            case SUBJECT_KEY_IDENTIFIER -> builder.subjectKeyId = keyId(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
            case AUTHORITY_KEY_IDENTIFIER -> builder.authorityKeyId = keyId(AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier());
            case SctListLayout.EXTENSION_OID -> {
                return sctList(ASN1OctetString.getInstance(value).getOctets());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void basicConstraints(BasicConstraints constraints) {
        BigInteger pathLength = constraints.getPathLenConstraint();
        Integer kept = pathLength != null && pathLength.bitLength() < Integer.SIZE ? pathLength.intValue() : null;
        builder.caConstraints = new CaConstraints(constraints.isCA(), kept);
    }

    private void keyUsage(KeyUsage usage) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Integer, String> bit : KeyPurposeNames.KEY_USAGES) {
            if (usage.hasUsages(bit.getKey())) {
                names.add(bit.getValue());
            }
        }
        builder.keyUsage = names;
    }

    private void extendedKeyUsage(ExtendedKeyUsage usage) {
        List<String> names = new ArrayList<>();
        for (KeyPurposeId purpose : usage.getUsages()) {
            notes.add(names, KeyPurposeNames.extendedKeyUsage(purpose.getId()), CertificateLimits.MAX_LIST_ENTRIES);
        }
        builder.extendedKeyUsage = names;
    }

    private void alternativeNames(GeneralNames names) {
        GeneralName[] all = names.getNames();
        List<String> kept = new ArrayList<>(Math.min(all.length, CertificateLimits.MAX_ALTERNATIVE_NAMES));
        for (GeneralName name : all) {
            if (kept.size() >= CertificateLimits.MAX_ALTERNATIVE_NAMES) {
                notes.note(CertificateAnomaly.LIST_TRUNCATED);
                break;
            }
            kept.add(GeneralNameText.format(name, notes));
        }
        builder.alternativeNames = kept;
        builder.alternativeNameCount = all.length;
    }

    private void authorityInformationAccess(AuthorityInformationAccess access) {
        List<String> ocsp = new ArrayList<>();
        List<String> caIssuers = new ArrayList<>();
        for (AccessDescription description : access.getAccessDescriptions()) {
            ASN1ObjectIdentifier method = description.getAccessMethod();
            List<String> target = method.equals(AccessDescription.id_ad_ocsp) ? ocsp
                    : method.equals(AccessDescription.id_ad_caIssuers) ? caIssuers : null;
            GeneralName location = description.getAccessLocation();
            if (target != null && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                notes.add(target, notes.text(AttributeText.of(location.getName(), notes)), CertificateLimits.MAX_LIST_ENTRIES);
            }
        }
        builder.ocspUris = ocsp;
        builder.caIssuerUris = caIssuers;
    }

    private boolean sctList(byte[] list) {
        int count = SctList.count(list, 0, list.length);
        if (count == SctList.MALFORMED) {
            notes.note(CertificateAnomaly.MALFORMED_SCT_LIST);
            return false;
        }
        builder.sctCount = count;
        return true;
    }

    private String keyId(byte[] id) {
        if (id == null) {
            return null;
        }
        if (id.length > CertificateLimits.MAX_IDENTIFIER_BYTES) {
            notes.note(CertificateAnomaly.TEXT_TRUNCATED);
            return HexFormat.of().formatHex(id, 0, CertificateLimits.MAX_IDENTIFIER_BYTES);
        }
        return HexFormat.of().formatHex(id);
    }
}
