package io.tlswatch.analyzer.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registry of names by code point, read once from a resource of "0xHHHH&lt;TAB&gt;name" lines
 * ({@code #} starts a comment line). Lookup is a binary search over two arrays. A resource that is
 * missing or has a bad line yields an empty table, so names degrade to hex rather than failing the
 * analyzer; the tests check every table loads.
 */
final class NameTable {
    private final int[] codes;
    private final String[] names;

    private NameTable(int[] codes, String[] names) {
        this.codes = codes;
        this.names = names;
    }

    static NameTable load(String resource) {
        Map<Integer, String> entries = new TreeMap<>();
        try (InputStream in = NameTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new NameTable(new int[0], new String[0]);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 2);
                entries.put(Integer.decode(cols[0].trim()), cols[1].trim());
            }
        } catch (IOException | RuntimeException e) {
            return new NameTable(new int[0], new String[0]);
        }
        int[] codes = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new NameTable(codes, entries.values().toArray(new String[0]));
    }

    /** The name of {@code code}, or null. */
    String name(int code) {
        int i = Arrays.binarySearch(codes, code);
        return i >= 0 ? names[i] : null;
    }

    int size() {
        return codes.length;
    }
}
