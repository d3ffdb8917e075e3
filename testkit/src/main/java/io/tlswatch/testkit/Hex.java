package io.tlswatch.testkit;

import java.util.HexFormat;

/** Hex vectors in tests: whitespace, colons and {@code //} comments to the end of a line are ignored. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String annotatedHex) {
        StringBuilder clean = new StringBuilder(annotatedHex.length());
        for (String line : annotatedHex.split("\n")) {
            int comment = line.indexOf("//");
            String data = comment >= 0 ? line.substring(0, comment) : line;
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (Character.digit(c, 16) >= 0) {
                    clean.append(c);
                }
            }
        }
        return HexFormat.of().parseHex(clean);
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
