package io.tlswatch.analyzer.verdict.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of known interceptors: the file that ships with tlswatch
 * ({@value #SHIPPED_RESOURCE}, beside this class) with users' files merged over it. Immutable:
 * merging returns a new catalogue.
 *
 * <p>Merging a user file, in order: an entry whose id is new is added; one whose id exists
 * replaces it whole; {@code enabled = false} drops the entry of that id (a stanza holding only that
 * line must name an entry defined before, so that a typo is reported rather than ignored). A file
 * with any problem changes nothing: {@link CatalogueException} lists every problem, one line each,
 * as {@code file:line: message}.
 */
public final class InterceptorCatalogue {
    /** Name of the shipped catalogue, a resource in this package. */
    public static final String SHIPPED_RESOURCE = "interceptors.catalogue";

    private static final InterceptorCatalogue EMPTY = new InterceptorCatalogue(new LinkedHashMap<>());

    private final Map<String, InterceptorEntry> byId;

    private InterceptorCatalogue(LinkedHashMap<String, InterceptorEntry> byId) {
        this.byId = byId;
    }

    /**
     * The shipped catalogue.
     *
     * @throws IllegalStateException when the shipped file is missing or broken (a defect of the
     *     build, which its tests rule out)
     */
    public static InterceptorCatalogue shipped() {
        return Shipped.CATALOGUE;
    }

    /** The shipped catalogue with {@code userFiles} merged over it, in order. */
    public static InterceptorCatalogue load(List<Path> userFiles) throws CatalogueException {
        InterceptorCatalogue catalogue = shipped();
        for (Path file : userFiles) {
            catalogue = catalogue.merge(file);
        }
        return catalogue;
    }

    /** A catalogue with nothing in it, to merge files into. */
    public static InterceptorCatalogue empty() {
        return EMPTY;
    }

    /** This catalogue with the catalogue file at {@code file} merged over it. */
    public InterceptorCatalogue merge(Path file) throws CatalogueException {
        String name = file.toString();
        try {
            if (Files.size(file) > CatalogueLimits.MAX_FILE_BYTES) {
                throw failure(name, "larger than " + CatalogueLimits.MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            return merge(name, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            throw failure(name, "no such file");
        } catch (CharacterCodingException e) {
            throw failure(name, "not UTF-8 text");
        } catch (IOException e) {
            throw failure(name, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** This catalogue with the catalogue text {@code text} (named {@code fileName} in problems) merged over it. */
    public InterceptorCatalogue merge(String fileName, String text) throws CatalogueException {
        List<CatalogueProblem> problems = new ArrayList<>();
        if (text.length() > CatalogueLimits.MAX_FILE_BYTES) {
            throw failure(fileName, "larger than " + CatalogueLimits.MAX_FILE_BYTES + " characters");
        }
        List<CatalogueReader.Stanza> stanzas = CatalogueReader.read(fileName, text, problems);
        EntryCompiler compiler = new EntryCompiler(fileName, problems);
        LinkedHashMap<String, InterceptorEntry> merged = new LinkedHashMap<>(byId);
        for (CatalogueReader.Stanza stanza : stanzas) {
            CatalogueReader.Field enabled = stanza.first("enabled");
            boolean disable = enabled != null && enabled.value().equals("false");
            if (enabled != null && !disable && !enabled.value().equals("true")) {
                problems.add(new CatalogueProblem(fileName, enabled.line(), "enabled is true or false, not '"
                        + enabled.value() + "'"));
                continue;
            }
            if (disable && stanza.fields().size() == 1) {
                if (!byId.containsKey(stanza.id())) {
                    problems.add(new CatalogueProblem(fileName, enabled.line(), "nothing to disable: no entry '"
                            + stanza.id() + "' was defined before this file"));
                }
                merged.remove(stanza.id());
                continue;
            }
            InterceptorEntry entry = compiler.compile(stanza);
            if (disable) {
                merged.remove(stanza.id());
            } else if (entry != null) {
                merged.put(stanza.id(), entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new InterceptorCatalogue(merged);
    }

    /** Every entry: the shipped file's order, replacements in place, additions at the end. */
    public List<InterceptorEntry> entries() {
        return List.copyOf(byId.values());
    }

    /** The entry with this id. */
    public Optional<InterceptorEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    private static CatalogueException failure(String file, String message) {
        return new CatalogueException(List.of(new CatalogueProblem(file, 0, message)));
    }

    /** Loads the shipped file once, when first asked for. */
    private static final class Shipped {
        static final InterceptorCatalogue CATALOGUE = load();

        private static InterceptorCatalogue load() {
            try (InputStream in = InterceptorCatalogue.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SHIPPED_RESOURCE + " is missing from the build");
                }
                return EMPTY.merge(SHIPPED_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CatalogueException e) {
                throw new IllegalStateException("the shipped catalogue is broken:\n" + e.getMessage(), e);
            }
        }
    }
}
