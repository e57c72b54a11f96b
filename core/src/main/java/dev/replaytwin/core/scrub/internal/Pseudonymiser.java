package dev.replaytwin.core.scrub.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces values with keyed, format-preserving pseudonyms (formats in {@link PseudonymFormats}).
 * A pseudonym depends only on the key and the value, never on where the value was found, so the
 * same e-mail address becomes the same pseudonym in a header, a query string and a JSON body, in
 * every record and every file scrubbed with the same key. No pseudonym is ever found by a detector:
 * a candidate that would be is drawn again from the next stream. Thread-safe; each thread keeps its
 * recent pseudonyms in a small cache.
 */
public final class Pseudonymiser {
  private static final int MAX_ATTEMPTS = 16;
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(bearer|basic|token|digest|negotiate|apikey)(\\s++)(\\S.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern UUID =
      Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  private final KeyedHash hash;
  private final ThreadLocal<PseudonymCache> cache = ThreadLocal.withInitial(PseudonymCache::new);

  public Pseudonymiser(KeyedHash hash) {
    this.hash = hash;
  }

  /**
   * The pseudonym of a whole value (a header, a parameter, a JSON string). An authorization value
   * keeps its scheme ({@code Bearer …}); a value that is one e-mail, card, IBAN, … gets that kind's
   * pseudonym; a UUID stays a UUID and a hex id a hex id; anything else is reshaped character by
   * character, with the personal data found inside it given their own kind's pseudonyms.
   */
  public String value(String value) {
    return value.isEmpty() ? value : cache.get().get(PseudonymCache.WHOLE_VALUE, value, () -> derive(value));
  }

  private String derive(String value) {
    Matcher scheme = AUTH_SCHEME.matcher(value);
    if (value.indexOf(' ') > 0 && scheme.matches()) {
      String credentials = scheme.group(3);
      String replaced = scheme.group(1).equalsIgnoreCase("bearer") ? bearer(credentials) : text(credentials);
      return scheme.group(1) + scheme.group(2) + replaced;
    }
    Detector kind = Detectors.ALL.wholeMatch(value);
    if (kind != null) {
      return found(kind, value);
    }
    if (value.length() == 36 && UUID.matcher(value).matches()) {
      return draw("uuid", value, value, PseudonymFormats::uuid);
    }
    if (isHexId(value)) {
      return draw("hex", value, value, PseudonymFormats::hexId);
    }
    return text(value);
  }

  /** The pseudonym of what {@code kind} found: {@code text} is exactly the find. */
  public String found(Detector kind, String text) {
    return cache.get().get(kind.ordinal(), text, () -> derive(kind, text));
  }

  private String derive(Detector kind, String text) {
    return switch (kind) {
      case EMAIL -> email(text);
      case CARD -> draw("card", digitsOf(text), text, PseudonymFormats::card);
      case IBAN -> draw("iban", compactUpper(text), text, PseudonymFormats::iban);
      case PHONE -> draw("phone", digitsOf(text), text, PseudonymFormats::phone);
      case SSN -> draw("ssn", digitsOf(text), text, (t, r) -> PseudonymFormats.ssn(r));
      case JWT -> draw("jwt", text, text, PseudonymFormats::jwt);
      case BEARER -> bearer(text);
      case IPV4 -> draw("ipv4", text, text, (t, r) -> PseudonymFormats.ipv4(r));
      case IPV6 -> draw("ipv6", text.toLowerCase(Locale.ROOT), text, PseudonymFormats::ipv6);
    };
  }

  /** The pseudonym of a JSON number's text: still a number, of the same length and sign. */
  public String number(String text) {
    return cache.get().get(PseudonymCache.NUMBER, text, () -> PseudonymFormats.number(text, hash.random("number", text, 0)));
  }

  private String bearer(String token) {
    if (JwtFinder.jwtEnd(token, 0) == token.length()) {
      return found(Detector.JWT, token);
    }
    return draw("bearer", token, token, PseudonymFormats::bearerToken);
  }

  /** E-mail addresses compare case-insensitively, so the seed is lower-cased; {@code %40} stays encoded. */
  private String email(String text) {
    if (text.indexOf('%') < 0) {
      return draw("email", text.toLowerCase(Locale.ROOT), text, PseudonymFormats::email);
    }
    String decoded = PercentCodec.decode(text, false);
    String pseudonym = draw("email", decoded.toLowerCase(Locale.ROOT), decoded, PseudonymFormats::email);
    return PercentCodec.encode(pseudonym, PercentCodec.Component.FORM);
  }

  /** Free text: finds get their kind's pseudonym, the rest is reshaped. */
  private String text(String value) {
    List<Match> finds = Detectors.ALL.find(value);
    String candidate = value;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      PseudoRandom r = hash.random("text", value, attempt);
      StringBuilder out = new StringBuilder(value.length() + 16);
      int at = 0;
      for (Match m : finds) {
        out.append(PseudonymFormats.shape(value.substring(at, m.start()), r)).append(found(m.detector(), m.in(value)));
        at = m.end();
      }
      candidate = out.append(PseudonymFormats.shape(value.substring(at), r)).toString();
      if (Detectors.ALL.find(candidate).isEmpty()) {
        return candidate;
      }
    }
    return candidate;
  }

  private String draw(String kind, String seed, String original, BiFunction<String, PseudoRandom, String> format) {
    String candidate = original;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      candidate = format.apply(original, hash.random(kind, seed, attempt));
      if (Detectors.ALL.find(candidate).isEmpty()) {
        return candidate;
      }
    }
    return candidate;
  }

  private static boolean isHexId(String value) {
    int n = value.length();
    if (n < 8 || n > 128) {
      return false;
    }
    boolean digit = false;
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!Chars.isHex(c)) {
        return false;
      }
      digit |= Chars.isDigit(c);
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    return digit && (lower ^ upper);
  }

  private static String digitsOf(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (Chars.isDigit(text.charAt(i))) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  private static String compactUpper(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (Chars.isAlnum(text.charAt(i))) {
        out.append(Character.toUpperCase(text.charAt(i)));
      }
    }
    return out.toString();
  }
}
