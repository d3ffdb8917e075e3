package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extensions of one hello or certificate entry, in wire order, with lookup by type. Parsed
 * from {@code Extension extensions<0..2^16-1>} (RFC 8446 §4.2): each a uint16 type and an
 * {@code extension_data<0..2^16-1>}. Immutable.
 */
public final class TlsExtensionList {
    /** No extensions block at all (allowed in TLS 1.2 and below, RFC 5246 §7.4.1.2). */
    public static final TlsExtensionList ABSENT = new TlsExtensionList(List.of(), false);

    private final List<TlsExtension> extensions;
    private final boolean present;

    private TlsExtensionList(List<TlsExtension> extensions, boolean present) {
        this.extensions = extensions;
        this.present = present;
    }

    /** Reads every extension from {@code r} (the contents of the extensions vector). */
    static TlsExtensionList read(TlsReader r, String what) {
        List<TlsExtension> out = new ArrayList<>();
        while (r.remaining() > 0 && r.ok()) {
            int type = r.u16(what);
            TlsReader data = r.vector16(what);
            if (r.ok()) {
                out.add(new TlsExtension(type, data.rest()));
            }
        }
        return new TlsExtensionList(List.copyOf(out), true);
    }

    /**
     * Reads an optional trailing extensions block: none when {@code r} is at its end (TLS 1.2
     * and below may omit it), else {@code extensions<0..2^16-1>} that must end the message.
     */
    static TlsExtensionList readOptional(TlsReader r, String what) {
        if (r.remaining() == 0) {
            return ABSENT;
        }
        TlsExtensionList list = read(r.vector16(what), what);
        r.expectEnd(what);
        return list;
    }

    /** Every extension in wire order, GREASE and unknown types included. */
    public List<TlsExtension> all() {
        return extensions;
    }

    /** The types in wire order (what JA3 and JA4 hash). */
    public int[] types() {
        int[] out = new int[extensions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = extensions.get(i).type();
        }
        return out;
    }

    public int size() {
        return extensions.size();
    }

    /** Whether the message had an extensions block at all (it may be empty). */
    public boolean present() {
        return present;
    }

    public boolean has(int type) {
        return find(type) != null;
    }

    /** The first extension of {@code type}, or null. */
    public TlsExtension find(int type) {
        for (TlsExtension e : extensions) {
            if (e.type() == type) {
                return e;
            }
        }
        return null;
    }

    /**
     * The lowest type that appears more than once (RFC 8446 §4.2 forbids it), or -1. Sorts a copy,
     * so a hostile hello with thousands of extensions costs n log n, not n squared.
     */
    public int duplicateType() {
        int[] sorted = types();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return sorted[i];
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return extensions.toString();
    }
}
