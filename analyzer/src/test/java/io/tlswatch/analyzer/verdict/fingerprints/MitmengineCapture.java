package io.tlswatch.analyzer.verdict.fingerprints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of Cloudflare mitmengine's reference captures in the shared corpus, as its MANIFEST.tsv lists
 * it: {@code mitmengine/<group>__<label>__<file>.pcap}, copied from
 * {@code reference_fingerprints/pcaps/<group>/<label>/<file>.pcap} (the label of the antivirus-run2
 * group has two levels, product folder and run, kept here with "__" between them; the openssl
 * group has none, its file name is the label).
 *
 * @param corpusPath the path in the corpus, e.g. {@code mitmengine/misc__staffcop__handshake.pcap}
 * @param upstreamPath the path under mitmengine's reference_fingerprints/pcaps, e.g.
 *     {@code misc/staffcop/handshake.pcap}
 * @param sourceCommit the mitmengine commit the file was copied at
 * @param group the first folder: antivirus, antivirus-run2, middleboxes, browsers, openssl, gnutls, misc
 * @param label what the capture shows, e.g. {@code windows-7-avast-free-antivirus-7-firefox-44}
 */
record MitmengineCapture(String corpusPath, String upstreamPath, String sourceCommit, String group, String label) {
    static final String CORPUS_FOLDER = "mitmengine/";
    static final String UPSTREAM_FOLDER = "reference_fingerprints/pcaps/";

    /** Every mitmengine capture of the corpus manifest, in manifest order. */
    static List<MitmengineCapture> all(Path corpus) {
        List<String> lines;
        try {
            lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = header.indexOf("path");
        int sourcePath = header.indexOf("source_path");
        int commit = header.indexOf("source_commit");
        List<MitmengineCapture> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > commit && f[path].startsWith(CORPUS_FOLDER)) {
                out.add(of(f[path], f[sourcePath], f[commit]));
            }
        }
        return out;
    }

    static MitmengineCapture of(String corpusPath, String sourcePath, String sourceCommit) {
        if (!sourcePath.startsWith(UPSTREAM_FOLDER)) {
            throw new IllegalArgumentException(corpusPath + ": not from " + UPSTREAM_FOLDER + ": " + sourcePath);
        }
        String upstream = sourcePath.substring(UPSTREAM_FOLDER.length());
        String[] folders = upstream.split("/");
        if (folders.length < 2) {
            throw new IllegalArgumentException(corpusPath + ": no group/file in " + sourcePath);
        }
        String file = folders[folders.length - 1];
        String label = folders.length == 2 ? file.substring(0, file.lastIndexOf('.'))
                : String.join("__", List.of(folders).subList(1, folders.length - 1));
        return new MitmengineCapture(corpusPath, upstream, sourceCommit, folders[0], label);
    }
}
