package io.tlswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads the DER of a PEM file's first certificate (RFC 7468 section 5), for the recordings' files. */
final class Pem {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    static byte[] certificateDer(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int begin = pem.indexOf(BEGIN);
        int end = begin < 0 ? -1 : pem.indexOf(END, begin);
        if (end < 0) {
            throw new IllegalArgumentException("no PEM certificate in " + file);
        }
        return Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    }
}
