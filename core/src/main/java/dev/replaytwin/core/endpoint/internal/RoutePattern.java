package dev.replaytwin.core.endpoint.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed route pattern: {@code [METHOD ]/literal/{variable}/...[/**]}. Matching reads the
 * request path in place and allocates nothing.
 */
public final class RoutePattern {

    private static final String REST = "**";

    private final String text;
    /** Upper-case method, or empty when the pattern matches any method. */
    private final String method;
    private final String path;
    private final String[] literals;
    private final boolean[] variables;
    private final boolean matchesRest;

    private RoutePattern(String method, String path, List<String> segments, boolean matchesRest) {
        this.method = method;
        this.path = path;
        this.text = method.isEmpty() ? path : method + ' ' + path;
        this.literals = segments.toArray(new String[0]);
        this.variables = new boolean[literals.length];
        for (int i = 0; i < literals.length; i++) {
            variables[i] = literals[i].startsWith("{");
        }
        this.matchesRest = matchesRest;
    }

    /**
     * Parses {@code pattern}, ignoring surrounding whitespace.
     *
     * @throws IllegalArgumentException if the pattern is malformed, with a one-line message
     */
    public static RoutePattern parse(String pattern) {
        requireNonNull(pattern, "pattern");
        String text = pattern.strip();
        String method = "";
        String path = text;
        int space = indexOfWhitespace(text);
        if (space >= 0) {
            method = text.substring(0, space);
            path = text.substring(space).stripLeading();
            if (indexOfWhitespace(path) >= 0) {
                throw invalid(pattern, "a method and a path separated by a space");
            }
            if (!MethodToken.isValid(method)) {
                throw invalid(pattern, "an HTTP method token before the path");
            }
            method = MethodToken.upperCase(method);
        }
        if (!path.startsWith("/")) {
            throw invalid(pattern, "a path starting with /");
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw invalid(pattern, "a path without query or fragment");
        }
        List<String> segments = new ArrayList<>();
        boolean matchesRest = false;
        String[] parts = path.length() == 1 ? new String[0] : path.substring(1).split("/", -1);
        Set<String> variableNames = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = parts[i];
            if (segment.isEmpty()) {
                throw invalid(pattern, "no empty segment and no trailing /");
            }
            if (segment.equals(REST) && i == parts.length - 1) {
                matchesRest = true;
            } else if (segment.indexOf('*') >= 0) {
                throw invalid(pattern, "* only in a trailing /**");
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                checkVariable(pattern, segment, variableNames);
                segments.add(segment);
            } else {
                segments.add(segment);
            }
        }
        return new RoutePattern(method, path, segments, matchesRest);
    }

    /**
     * True when this pattern matches {@code upperMethod} and the normalized path
     * {@code target[from, to)}, which starts with {@code /} and has no trailing {@code /} unless
     * it is the root.
     */
    public boolean matches(String upperMethod, String target, int from, int to) {
        if (!method.isEmpty() && !method.equals(upperMethod)) {
            return false;
        }
        int matched = 0;
        if (to - from > 1) {
            int pos = from + 1;
            while (true) {
                if (matched == literals.length) {
                    return matchesRest;
                }
                int end = RequestTarget.segmentEnd(target, pos, to);
                if (!segmentMatches(matched, target, pos, end)) {
                    return false;
                }
                matched++;
                if (end == to) {
                    break;
                }
                pos = end + 1;
            }
        }
        return matched == literals.length;
    }

    /** Returns the endpoint name for a request with {@code upperMethod} that this pattern matched. */
    public String name(String upperMethod) {
        return method.isEmpty() ? upperMethod + ' ' + path : text;
    }

    /** Returns the pattern as parsed, with its method upper-cased. */
    @Override
    public String toString() {
        return text;
    }

    private boolean segmentMatches(int index, String target, int from, int to) {
        if (variables[index]) {
            return to > from;
        }
        String literal = literals[index];
        return to - from == literal.length() && target.regionMatches(from, literal, 0, literal.length());
    }

    private static void checkVariable(String pattern, String segment, Set<String> names) {
        boolean wellFormed = segment.length() > 2
                && segment.charAt(0) == '{'
                && segment.charAt(segment.length() - 1) == '}';
        for (int i = 1; wellFormed && i < segment.length() - 1; i++) {
            char c = segment.charAt(i);
            wellFormed = c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        if (!wellFormed) {
            throw invalid(pattern, "{name} as a whole segment, the name made of letters, digits or _");
        }
        if (!names.add(segment)) {
            throw invalid(pattern, "distinct variable names; " + segment + " appears twice");
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String pattern, String expected) {
        return new IllegalArgumentException("route: \"" + pattern + "\" (expected: " + expected + ")");
    }
}
