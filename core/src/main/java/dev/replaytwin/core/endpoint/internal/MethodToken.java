package dev.replaytwin.core.endpoint.internal;

/** Checks and normalizes HTTP method names (RFC 9110 section 9.1: a case-sensitive token). */
public final class MethodToken {

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private MethodToken() {
    }

    /** True when {@code s} is a non-empty RFC 9110 token. */
    public static boolean isValid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && TOKEN_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /**
     * Upper-cases ASCII letters only, so the result never depends on the default locale, and
     * returns {@code s} itself when it has no lower-case ASCII letter.
     */
    public static String upperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'a' && chars[j] <= 'z') {
                        chars[j] -= 'a' - 'A';
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
