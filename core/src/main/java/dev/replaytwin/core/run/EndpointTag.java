package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Endpoint names as HdrHistogram interval-log tags. A tag may hold neither spaces nor commas (the
 * log reader splits lines on them), so the space after the method becomes {@code :} and the
 * characters a tag cannot hold are percent-encoded as UTF-8; {@link #decode} gives back the exact
 * name.
 *
 * <pre>{@code
 * EndpointTag.encode("GET /users/{id}");        // GET:/users/{id}
 * EndpointTag.encode("GET /search/a,b c");      // GET:/search/a%2Cb%20c
 * EndpointTag.decode("GET:/users/{id}");        // GET /users/{id}
 * }</pre>
 *
 * <p>Encoded are {@code %}, {@code ,}, every whitespace and control character, and, before the
 * first space, {@code :} (so that the first {@code :} of a tag always stands for that space).
 */
public final class EndpointTag {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private EndpointTag() {}

  /** The tag for {@code endpoint}, such as {@code GET:/users/{id}} for {@code GET /users/{id}}. */
  public static String encode(String endpoint) {
    requireNonNull(endpoint, "endpoint");
    int separator = endpoint.indexOf(' ');
    StringBuilder tag = new StringBuilder(endpoint.length() + 8);
    for (int i = 0; i < endpoint.length(); ) {
      int cp = endpoint.codePointAt(i);
      if (i == separator) {
        tag.append(':');
      } else if (mustEscape(cp) || (cp == ':' && (separator < 0 || i < separator))) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          tag.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      } else {
        tag.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return tag.toString();
  }

  /**
   * The endpoint name a tag made by {@link #encode} stands for.
   *
   * @throws IllegalArgumentException when {@code tag} holds a malformed {@code %} escape
   */
  public static String decode(String tag) {
    requireNonNull(tag, "tag");
    int separator = tag.indexOf(':');
    StringBuilder endpoint = new StringBuilder(tag.length());
    for (int i = 0; i < tag.length(); ) {
      char c = tag.charAt(i);
      if (c == '%') {
        i = decodeEscapes(tag, i, endpoint);
      } else {
        endpoint.append(i == separator ? ' ' : c);
        i++;
      }
    }
    return endpoint.toString();
  }

  private static boolean mustEscape(int cp) {
    return cp == '%' || cp == ',' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        || Character.isISOControl(cp);
  }

  /** Appends the characters a run of escapes starting at {@code start} encodes; returns the index after it. */
  private static int decodeEscapes(String tag, int start, StringBuilder out) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = start;
    while (i < tag.length() && tag.charAt(i) == '%') {
      int hi = i + 2 < tag.length() ? hexValue(tag.charAt(i + 1)) : -1;
      int lo = hi >= 0 ? hexValue(tag.charAt(i + 2)) : -1;
      if (lo < 0) {
        throw malformed(tag, "'%' at " + i + " not followed by two hex digits");
      }
      bytes.write(hi << 4 | lo);
      i += 3;
    }
    try {
      out.append(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw malformed(tag, "escapes at " + start + " are not UTF-8");
    }
    return i;
  }

  /** Only ASCII hex digits: {@link Character#digit} would also take other scripts' digits. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static IllegalArgumentException malformed(String tag, String what) {
    return new IllegalArgumentException("tag: \"" + tag + "\" (expected: an encoded endpoint name; " + what + ")");
  }
}
