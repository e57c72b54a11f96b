package dev.replaytwin.core.endpoint.internal;

/**
 * Locates the path inside an HTTP request-target (RFC 9112 section 3.2) by index, so callers can
 * read it in place without copying.
 */
public final class RequestTarget {

    private RequestTarget() {
    }

    /**
     * Returns where the path begins: {@code 0} for origin-form and asterisk-form, the index after
     * the authority for absolute-form ({@code scheme://authority/path}).
     */
    public static int pathStart(String target) {
        int colon = schemeColon(target);
        if (colon < 0) {
            return 0;
        }
        int i = colon + 3;
        while (i < target.length()) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Returns the index of the first {@code ?} or {@code #} at or after {@code from}, else the length. */
    public static int pathEnd(String target, int from) {
        for (int i = from; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    /** Returns the index of the next {@code /} in {@code [from, to)}, else {@code to}. */
    public static int segmentEnd(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            if (path.charAt(i) == '/') {
                return i;
            }
        }
        return to;
    }

    /** Returns the index of the colon in a leading {@code scheme://}, else -1. */
    private static int schemeColon(String target) {
        if (target.isEmpty() || !isAlpha(target.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == ':') {
                return target.startsWith("//", i + 1) ? i : -1;
            }
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
