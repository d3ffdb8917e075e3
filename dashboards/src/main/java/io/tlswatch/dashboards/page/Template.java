package io.tlswatch.dashboards.page;

import java.util.List;

/**
 * Fills a page template's markers in one pass from left to right, so text put in one slot is never
 * searched for the markers of the next (the report data cannot plant a marker).
 */
final class Template {

    /** A marker, found exactly once in the template, and what replaces it. */
    record Slot(String marker, String content) {
    }

    private Template() {
    }

    /** The template with each slot's marker replaced; slots are given in the markers' order. */
    static String fill(String template, List<Slot> slots) {
        StringBuilder out = new StringBuilder(template.length() + slots.stream().mapToInt(s -> s.content().length()).sum());
        int from = 0;
        for (Slot slot : slots) {
            int at = template.indexOf(slot.marker(), from);
            if (at < 0 || template.indexOf(slot.marker(), at + 1) >= 0) {
                throw new IllegalStateException("the template must hold " + slot.marker() + " once, after the slots before it");
            }
            out.append(template, from, at).append(slot.content());
            from = at + slot.marker().length();
        }
        return out.append(template, from, template.length()).toString();
    }
}
