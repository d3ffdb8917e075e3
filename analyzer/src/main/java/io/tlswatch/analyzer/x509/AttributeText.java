package io.tlswatch.analyzer.x509;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;

/**
 * The text of an ASN.1 value found in a name (an attribute value or a SAN string). String types are
 * decoded as Bouncy Castle decodes them (PrintableString, IA5String, T61String byte by byte,
 * BMPString as UTF-16); we add what it leaves out: UTF8String with invalid bytes and
 * UniversalString (UTF-32) are decoded with U+FFFD replacements. Anything else becomes RFC 4514's
 * {@code #hex} form of its DER encoding.
 */
final class AttributeText {
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    private AttributeText() {
    }

    /** Whether {@code value} is a character string (else its text is the {@code #hex} form). */
    static boolean isString(ASN1Encodable value) {
        return value instanceof ASN1String && !(value instanceof ASN1BitString);
    }

    /** The value's text, unbounded: callers bound it with {@link ParseNotes#text}. */
    static String of(ASN1Encodable value, ParseNotes notes) {
        if (value instanceof ASN1UniversalString) {
            return decodeContents(value, UTF_32BE, notes);
        }
        if (value instanceof ASN1UTF8String) {
            try {
                return ((ASN1UTF8String) value).getString();
            } catch (IllegalArgumentException invalidUtf8) {
                return decodeContents(value, StandardCharsets.UTF_8, notes);
            }
        }
        if (isString(value)) {
            return ((ASN1String) value).getString();
        }
        return "#" + HexFormat.of().formatHex(der(value));
    }

    private static String decodeContents(ASN1Encodable value, Charset charset, ParseNotes notes) {
        byte[] contents = DerStructure.contents(der(value));
        if (contents == null) {
            notes.note(CertificateAnomaly.INVALID_STRING_ENCODING);
            return String.valueOf(ParseNotes.REPLACEMENT);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(contents)).toString();
        } catch (CharacterCodingException e) {
            notes.note(CertificateAnomaly.INVALID_STRING_ENCODING);
            return new String(contents, charset); // the JDK replaces what does not decode by U+FFFD
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
