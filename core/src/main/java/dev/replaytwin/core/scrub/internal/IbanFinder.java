package dev.replaytwin.core.scrub.internal;

import java.util.List;
import java.util.Map;

/**
 * IBANs: a known country code, two check digits and the country's BBAN length of letters and
 * digits, unbroken or printed in groups of four separated by single spaces, that pass the mod-97
 * check with check digits 02–98. Pseudonyms (a BBAN starting with four characters of {@code 0} and
 * {@code X}, see {@link Pseudonymiser}) are not matched.
 */
final class IbanFinder implements Finder {
  /** Total IBAN length per country, from the SWIFT IBAN registry. */
  private static final Map<String, Integer> LENGTHS = lengths(
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18"
          + " DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22"
          + " IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19"
          + " MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 QA29 RO24 RS22 RU33 SA24 SC31 SD18"
          + " SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30");

  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.LETTER | TextScan.DIGITS_9)) {
      return;
    }
    int floor = 0;
    for (int k = 0; k < scan.runs(); k++) {
      int i = scan.runStart[k] - 2;
      if (i < floor || scan.runLength(k) < 2 || i + 15 > text.length() || !Chars.isLetter(text.charAt(i))
          || Chars.isWord(Chars.before(text, i))) {
        continue;
      }
      int end = ibanEnd(text, i);
      if (end > 0) {
        out.add(new Match(i, end, kind));
        floor = end;
      }
    }
  }

  /** The end of an IBAN starting at {@code start}, or -1. */
  static int ibanEnd(String text, int start) {
    char c0 = text.charAt(start);
    char c1 = text.charAt(start + 1);
    boolean upper = Character.isUpperCase(c0);
    if (!Chars.isLetter(c1) || Character.isUpperCase(c1) != upper
        || !Chars.isDigit(text.charAt(start + 2)) || !Chars.isDigit(text.charAt(start + 3))) {
      return -1;
    }
    Integer length = LENGTHS.get(new String(new char[] {Character.toUpperCase(c0), Character.toUpperCase(c1)}));
    if (length == null) {
      return -1;
    }
    StringBuilder compact = new StringBuilder(length);
    int i = start;
    int n = text.length();
    while (compact.length() < length && i < n) {
      char c = text.charAt(i);
      if (Chars.isAlnum(c)) {
        compact.append(Character.toUpperCase(c));
        i++;
      } else if (c == ' ' && compact.length() % 4 == 0 && i + 1 < n && Chars.isAlnum(text.charAt(i + 1))) {
        i++;
      } else {
        return -1;
      }
    }
    if (compact.length() < length || Chars.isWord(Chars.at(text, i))) {
      return -1;
    }
    return valid(compact) && !isPseudonym(compact) ? i : -1;
  }

  private static boolean valid(CharSequence compact) {
    int check = (compact.charAt(2) - '0') * 10 + (compact.charAt(3) - '0');
    return check >= 2 && check <= 98 && Checksums.ibanRemainder(compact) == 1;
  }

  /** Pseudonyms mark their BBAN with four leading characters of {@code 0} and {@code X}. */
  static boolean isPseudonym(CharSequence compact) {
    for (int k = 4; k < 8; k++) {
      char c = compact.charAt(k);
      if (c != '0' && c != 'X') {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Integer> lengths(String table) {
    Map<String, Integer> map = new java.util.HashMap<>();
    for (String entry : table.split(" ")) {
      map.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return Map.copyOf(map);
  }
}
