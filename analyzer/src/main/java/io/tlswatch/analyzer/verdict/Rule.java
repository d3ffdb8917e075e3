package io.tlswatch.analyzer.verdict;

import java.util.List;

/**
 * One kind of evidence. A rule is a pure function of a session's {@link VerdictInput} (and, for
 * the notary rules, of what earlier sessions of the run showed): it adds what it found to
 * {@code out}, or nothing. Its {@link #id()} is stable: documents and dashboards refer to it.
 */
public interface Rule {

    String id();

    void evaluate(VerdictInput input, List<Evidence> out);
}
