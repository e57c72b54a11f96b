package dev.replaytwin.core.scrub.internal;

/** The check-digit schemes of card numbers (Luhn) and IBANs (ISO 7064 mod 97-10). */
final class Checksums {
  private Checksums() {}

  /** True when the ASCII digits of {@code s} (other characters skipped) pass the Luhn check. */
  static boolean luhnValid(CharSequence s) {
    return luhnSum(s, false) % 10 == 0;
  }

  /** The Luhn check digit to append to {@code payload}, its ASCII digits. */
  static char luhnCheckDigit(CharSequence payload) {
    return (char) ('0' + (10 - luhnSum(payload, true) % 10) % 10);
  }

  /** The Luhn sum of the digits, doubling every second one from the right, starting with the last if asked. */
  private static int luhnSum(CharSequence s, boolean doubleLast) {
    int sum = 0;
    boolean doubled = doubleLast;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (!Chars.isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum;
  }

  /**
   * The mod-97 remainder of an IBAN given as its {@code compact} form (no spaces): the first four
   * characters moved to the end, letters counted as 10..35.
   */
  static int ibanRemainder(CharSequence compact) {
    int n = compact.length();
    int r = 0;
    for (int k = 0; k < n; k++) {
      r = mod97Append(r, compact.charAt((k + 4) % n));
    }
    return r;
  }

  /** Check digits ("02".."98") for a country and BBAN, both upper-case. */
  static String ibanCheckDigits(CharSequence country, CharSequence bban) {
    int r = 0;
    for (int k = 0; k < bban.length(); k++) {
      r = mod97Append(r, bban.charAt(k));
    }
    r = mod97Append(r, country.charAt(0));
    r = mod97Append(r, country.charAt(1));
    r = (r * 100) % 97;
    int check = 98 - r;
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  private static int mod97Append(int r, char c) {
    if (Chars.isDigit(c)) {
      return (r * 10 + (c - '0')) % 97;
    }
    int v = Character.toUpperCase(c) - 'A' + 10;
    return (r * 100 + v) % 97;
  }
}
