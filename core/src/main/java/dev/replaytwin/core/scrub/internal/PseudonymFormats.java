package dev.replaytwin.core.scrub.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The shape of each kind of pseudonym, drawn from a {@link PseudoRandom}. Each keeps the format of
 * the value it replaces, and where the format allows it carries a mark no real value has, so
 * detectors (and the audit) can tell pseudonyms from personal data:
 *
 * <table>
 *   <tr><th>kind</th><th>pseudonym</th><th>mark</th></tr>
 *   <tr><td>e-mail</td><td>local part and domain labels reshaped</td><td>top-level domain {@code .invalid}</td></tr>
 *   <tr><td>card</td><td>same length and separators, Luhn-valid</td><td>first digit {@code 0}</td></tr>
 *   <tr><td>IBAN</td><td>same country, valid check digits</td><td>BBAN starts with four {@code 0}/{@code X}</td></tr>
 *   <tr><td>phone</td><td>same separators and length</td><td>{@code +0…}, {@code 00…} or {@code (0xx)}</td></tr>
 *   <tr><td>SSN</td><td>{@code ddd-dd-dddd}</td><td>group {@code 00}</td></tr>
 *   <tr><td>JWT</td><td>header kept, three base64url segments</td><td>payload {@code {"pseudonym":"…"}}</td></tr>
 *   <tr><td>bearer token</td><td>same length and alphabet</td><td>prefix {@code twin_}</td></tr>
 *   <tr><td>IPv4</td><td>an IPv4 address</td><td>in {@code 240.0.0.0/4}</td></tr>
 *   <tr><td>IPv6</td><td>an IPv6 address</td><td>in {@code 2001:db8::/32}</td></tr>
 *   <tr><td>UUID, hex id, anything else</td><td>same length, version nibble, case</td><td>none</td></tr>
 * </table>
 */
final class PseudonymFormats {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private PseudonymFormats() {}

  /**
   * Digits stay digits (a run's first digit stays 0 or non-zero), letters stay letters of the same
   * case (letters without case become lower-case ASCII), everything else stays as it is.
   */
  static String shape(String s, PseudoRandom r) {
    StringBuilder out = new StringBuilder(s.length());
    boolean afterDigit = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        out.append(afterDigit ? r.digit() : cp == '0' ? '0' : r.nonZeroDigit());
        afterDigit = true;
        continue;
      }
      afterDigit = false;
      if (Character.isUpperCase(cp)) {
        out.append(r.upper());
      } else if (Character.isLetter(cp)) {
        out.append(r.lower());
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** Mantissa digits reshaped, sign, point and exponent kept: still a JSON number. */
  static String number(String s, PseudoRandom r) {
    int exponent = Math.max(s.indexOf('e'), s.indexOf('E'));
    String mantissa = exponent < 0 ? s : s.substring(0, exponent);
    return shape(mantissa, r) + (exponent < 0 ? "" : s.substring(exponent));
  }

  static String email(String email, PseudoRandom r) {
    int at = email.lastIndexOf('@');
    String[] labels = email.substring(at + 1).split("\\.", -1);
    StringBuilder out = new StringBuilder(email.length() + 8).append(shape(email.substring(0, at), r)).append('@');
    for (int i = 0; i < labels.length - 1; i++) {
      out.append(shape(labels[i], r)).append('.');
    }
    return out.append(EmailFinder.PSEUDONYM_TLD).toString();
  }

  static String card(String number, PseudoRandom r) {
    char[] out = number.toCharArray();
    int first = -1;
    int last = -1;
    StringBuilder digits = new StringBuilder(19);
    for (int i = 0; i < out.length; i++) {
      if (Chars.isDigit(out[i])) {
        if (first < 0) {
          first = i;
          out[i] = '0';
        } else {
          out[i] = r.digit();
        }
        last = i;
        digits.append(out[i]);
      }
    }
    digits.setLength(digits.length() - 1);
    out[last] = Checksums.luhnCheckDigit(digits);
    return new String(out);
  }

  static String iban(String iban, PseudoRandom r) {
    char[] out = iban.toCharArray();
    int[] at = new int[out.length];
    int k = 0;
    StringBuilder bban = new StringBuilder(out.length);
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (!Chars.isAlnum(c)) {
        continue;
      }
      at[k] = i;
      if (k >= 4) {
        boolean marked = k < 8;
        if (Chars.isDigit(c)) {
          out[i] = marked ? '0' : r.digit();
        } else {
          boolean upper = Character.isUpperCase(c);
          out[i] = marked ? (upper ? 'X' : 'x') : upper ? r.upper() : r.lower();
        }
        bban.append(Character.toUpperCase(out[i]));
      }
      k++;
    }
    String country = new String(out, at[0], 1).toUpperCase() + new String(out, at[1], 1).toUpperCase();
    String check = Checksums.ibanCheckDigits(country, bban);
    out[at[2]] = check.charAt(0);
    out[at[3]] = check.charAt(1);
    return new String(out);
  }

  /** Digits reshaped; the mark is the first digit, or the second after a trunk {@code 0}. */
  static String phone(String phone, PseudoRandom r) {
    char[] out = phone.toCharArray();
    int firstDigit = -1;
    int mark = -1;
    for (int i = 0; i < out.length && mark < 0; i++) {
      if (Chars.isDigit(out[i])) {
        if (firstDigit < 0 && phone.charAt(0) != '+' && out[i] == '0') {
          firstDigit = i;
        } else {
          mark = i;
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (Chars.isDigit(out[i]) && i != firstDigit) {
        out[i] = i == mark ? '0' : r.digit();
      }
    }
    return new String(out);
  }

  static String ssn(PseudoRandom r) {
    return new String(new char[] {r.digit(), r.digit(), r.digit(), '-', '0', '0', '-',
        r.digit(), r.digit(), r.digit(), r.nonZeroDigit()});
  }

  static String jwt(String jwt, PseudoRandom r) {
    int dot = jwt.indexOf('.');
    boolean signed = jwt.lastIndexOf('.') < jwt.length() - 1;
    String payload = "{\"pseudonym\":\"" + hex(r.bytes(16)) + "\"}";
    return jwt.substring(0, dot) + '.' + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
        + '.' + (signed ? BASE64URL.encodeToString(r.bytes(32)) : "");
  }

  static String bearerToken(String token, PseudoRandom r) {
    String prefix = BearerFinder.PSEUDONYM_PREFIX;
    String shaped = shape(token, r);
    return prefix + (shaped.length() > prefix.length() ? shaped.substring(prefix.length()) : "");
  }

  static String ipv4(PseudoRandom r) {
    return (240 + r.nextInt(15)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
  }

  static String ipv6(String address, PseudoRandom r) {
    StringBuilder out = new StringBuilder(39).append("2001:db8");
    for (int g = 0; g < 6; g++) {
      out.append(':').append(Integer.toHexString(r.nextInt(256) << 8 | r.nextInt(256)));
    }
    return upperCaseHex(address) ? out.toString().toUpperCase() : out.toString();
  }

  /** Hex digits reshaped; the version nibble and an RFC 4122 variant are kept. */
  static String uuid(String uuid, PseudoRandom r) {
    boolean upper = upperCaseHex(uuid);
    char[] out = uuid.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '-' || i == 14) {
        continue;
      }
      if (i == 19) {
        int variant = Character.digit(out[i], 16);
        if ((variant & 0xc) == 0x8) {
          int v = 0x8 | r.nextInt(4);
          out[i] = (char) (v < 10 ? '0' + v : (upper ? 'A' : 'a') + v - 10);
        }
        continue;
      }
      out[i] = r.hex(upper);
    }
    return new String(out);
  }

  static String hexId(String hex, PseudoRandom r) {
    boolean upper = upperCaseHex(hex);
    char[] out = new char[hex.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.hex(upper);
    }
    return new String(out);
  }

  private static boolean upperCaseHex(String s) {
    boolean upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'f') {
        return false;
      }
      upper |= c >= 'A' && c <= 'F';
    }
    return upper;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >>> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
