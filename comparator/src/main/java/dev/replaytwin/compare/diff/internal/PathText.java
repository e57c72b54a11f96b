package dev.replaytwin.compare.diff.internal;

/**
 * How a member name is written in a path: {@code .name} when it is an RFC 9535 shorthand name
 * (ASCII letter or {@code _}, then letters, digits or {@code _}), otherwise {@code ['name']} with
 * {@code \\}, {@code \'} and {@code \}{@code uXXXX} (control characters) escaped. Every path written
 * this way parses back with {@link FieldPattern}.
 */
public final class PathText {
  private PathText() {}

  public static void appendMember(StringBuilder out, String name) {
    if (isShorthand(name)) {
      out.append('.').append(name);
      return;
    }
    out.append("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append("']");
  }

  static boolean isShorthand(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isNameStart(c) && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
