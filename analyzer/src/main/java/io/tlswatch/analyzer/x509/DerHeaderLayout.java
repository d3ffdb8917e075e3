package io.tlswatch.analyzer.x509;

/**
 * The identifier and length octets that open every DER element (ITU-T X.690 sections 8.1.2 and
 * 8.1.3). Describes bytes only; {@link DerStructure} walks them.
 *
 * <pre>
 *  identifier octet          length octets                 contents
 * +-----+---+-----------+   +---+------------------+       +-----------------+
 * |class|P/C| tag 0..30 |   | 0 | length 0..127    |       | length octets   |
 * +-----+---+-----------+   +---+------------------+       +-----------------+
 *  bits 8-7 6   5-1          or
 *  tag 31 (0x1F) = high tag  +---+------------------+-------------------+
 *  number: more octets       | 1 | n = 1..4 (ours)  | n octets, big-end |
 *  follow, bit 8 = "more"    +---+------------------+-------------------+
 *                            0x80 alone = indefinite length (BER only, refused)
 * </pre>
 */
final class DerHeaderLayout {
    /** Bit 6 of the identifier octet: the contents are a sequence of elements. */
    static final int CONSTRUCTED_BIT = 0x20;
    /** Low five bits of the identifier octet all set: the tag number continues in more octets. */
    static final int HIGH_TAG_NUMBER = 0x1F;
    /** Bit 8 of a high-tag-number octet: another tag octet follows. */
    static final int MORE_TAG_OCTETS_BIT = 0x80;
    /** Most identifier octets we accept (the first plus three: tag numbers up to 2^21). */
    static final int MAX_IDENTIFIER_OCTETS = 4;
    /** Bit 8 of the first length octet: long form, low 7 bits count the length octets. */
    static final int LONG_FORM_BIT = 0x80;
    /** First length octet of BER's indefinite form, which DER (RFC 5280 section 4.1) forbids. */
    static final int INDEFINITE_LENGTH = 0x80;
    /** Most long-form length octets we accept: lengths fit a signed 32-bit int. */
    static final int MAX_LENGTH_OCTETS = 4;

    private DerHeaderLayout() {
    }
}
