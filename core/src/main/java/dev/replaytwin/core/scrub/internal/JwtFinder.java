package dev.replaytwin.core.scrub.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * JSON Web Tokens: three base64url segments joined by dots, the first two starting {@code eyJ}
 * (a JSON object). Pseudonyms, whose payload is {@code {"pseudonym":"…"}}, are not matched.
 */
final class JwtFinder implements Finder {
  /** The base64url form of {@code {"pseudonym"}: the start of every pseudonymised JWT's payload. */
  static final String PSEUDONYM_PAYLOAD_PREFIX =
      Base64.getUrlEncoder().withoutPadding().encodeToString("{\"pseudonym\"".getBytes(StandardCharsets.US_ASCII));

  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.DOT | TextScan.LETTER_Y)) {
      return;
    }
    for (int i = text.indexOf("eyJ"); i >= 0; i = text.indexOf("eyJ", i + 1)) {
      if (Chars.isBase64Url(Chars.before(text, i))) {
        continue;
      }
      int end = jwtEnd(text, i);
      if (end > 0) {
        out.add(new Match(i, end, kind));
        i = end - 1;
      }
    }
  }

  /** The end of a JWT starting at {@code start}, or -1; pseudonyms are not JWTs here. */
  static int jwtEnd(String text, int start) {
    int headerEnd = segmentEnd(text, start);
    if (headerEnd - start < 10 || Chars.at(text, headerEnd) != '.' || !text.startsWith("eyJ", headerEnd + 1)) {
      return -1;
    }
    int payloadEnd = segmentEnd(text, headerEnd + 1);
    if (payloadEnd - headerEnd < 10 || Chars.at(text, payloadEnd) != '.') {
      return -1;
    }
    if (text.startsWith(PSEUDONYM_PAYLOAD_PREFIX, headerEnd + 1)) {
      return -1;
    }
    return segmentEnd(text, payloadEnd + 1);
  }

  /** True when the whole of {@code token} is a JWT pseudonym. */
  static boolean isPseudonym(String token) {
    int dot = token.indexOf('.');
    return dot > 0 && token.startsWith(PSEUDONYM_PAYLOAD_PREFIX, dot + 1);
  }

  private static int segmentEnd(String text, int from) {
    int i = from;
    while (i < text.length() && Chars.isBase64Url(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
