package io.tlswatch.analyzer.x509;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test data next to the tests (src/test/resources/io/tlswatch/analyzer/x509/...). */
final class TestResources {
    private TestResources() {
    }

    static byte[] bytes(String relativePath) {
        try (InputStream in = TestResources.class.getResourceAsStream(relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + relativePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    /** The DER inside a PEM "CERTIFICATE" block. */
    static byte[] pemToDer(String pem) {
        int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
        int end = pem.indexOf("-----END CERTIFICATE-----");
        String body = pem.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end);
        return Base64.getMimeDecoder().decode(body);
    }

    static byte[] pemFileToDer(Path pem) {
        try {
            return pemToDer(Files.readString(pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a tab-separated file with a header line, as column name to value. */
    static List<Map<String, String>> tsv(String text) {
        String[] lines = text.split("\n");
        String[] header = lines[0].split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c < cells.length ? cells[c] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** Rows of a Zeek ASCII log (its #fields line names the columns; '-' is unset). */
    static List<Map<String, String>> zeekLog(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] fields = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#fields\t")) {
                fields = line.substring("#fields\t".length()).split("\t", -1);
            } else if (!line.startsWith("#") && !line.isEmpty() && fields != null) {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < fields.length; c++) {
                    row.put(fields[c], cells[c]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
