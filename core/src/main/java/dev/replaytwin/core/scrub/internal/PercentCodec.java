package dev.replaytwin.core.scrub.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 3986) of URL components and form fields, as UTF-8. Decoding keeps invalid
 * escapes as written; encoding leaves unreserved characters (and, for path segments, the
 * characters a segment may hold) as they are.
 */
public final class PercentCodec {
  /** How a component is encoded. */
  public enum Component {
    /** Query parameters, form fields and cookie values: a space is {@code +}. */
    FORM,
    /** A path segment: sub-delimiters, {@code :} and {@code @} stay. */
    PATH_SEGMENT,
    /** A cookie value (RFC 6265 cookie-octets stay, but {@code %}): a space is {@code %20}. */
    COOKIE
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /** Decodes {@code %XX} escapes, and {@code +} as a space when {@code plusIsSpace}. */
  public static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < n && Chars.isHex(s.charAt(i + 1)) && Chars.isHex(s.charAt(i + 2))) {
        bytes.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1;
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  public static String encode(String s, Component component) {
    StringBuilder out = null;
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i] & 0xff;
      boolean keep = b < 0x80 && keeps((char) b, component);
      if (keep && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(utf8.length + 16);
        out.append(s, 0, i);
      }
      if (keep) {
        out.append((char) b);
      } else if (b == ' ' && component == Component.FORM) {
        out.append('+');
      } else {
        out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xf]);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean keeps(char c, Component component) {
    if (Chars.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      return true;
    }
    return switch (component) {
      case FORM -> false;
      case PATH_SEGMENT -> "!$&'()*+,;=:@".indexOf(c) >= 0;
      case COOKIE -> c > 0x20 && c < 0x7f && "\",;\\%".indexOf(c) < 0;
    };
  }
}
