package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes chosen extensions of one hello and collects the reasons of those that fail, so the
 * hello's value classes read as a list of "this extension, that decoder".
 */
final class ExtensionViewDecoder {
    static final int[] NONE = new int[0];

    private final TlsExtensionList list;
    private final List<String> errors = new ArrayList<>(0);

    ExtensionViewDecoder(TlsExtensionList list) {
        this.list = list;
    }

    /** The decoded first extension of {@code type}, or {@code absent} when missing or malformed. */
    <T> T decode(int type, Function<byte[], TlsParse<T>> decoder, T absent) {
        TlsExtension e = list.find(type);
        if (e == null) {
            return absent;
        }
        TlsParse<T> p = decoder.apply(e.data());
        if (!p.isParsed()) {
            errors.add(p.reason());
            return absent;
        }
        return p.value();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }
}
