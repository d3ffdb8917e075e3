package io.tlswatch.analyzer.verdict.catalogue;

import java.util.List;

/**
 * A catalogue file that cannot be used: a user error, reported as one line per problem
 * ({@link #getMessage()}), never as a stack trace of ours.
 */
public final class CatalogueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<CatalogueProblem> problems;

    CatalogueException(List<CatalogueProblem> problems) {
        super(lines(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<CatalogueProblem> problems() {
        return problems;
    }

    private static String lines(List<CatalogueProblem> problems) {
        StringBuilder out = new StringBuilder();
        for (CatalogueProblem p : problems) {
            out.append(out.length() == 0 ? "" : "\n").append(p);
        }
        return out.toString();
    }
}
