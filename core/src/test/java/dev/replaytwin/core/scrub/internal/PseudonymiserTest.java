package dev.replaytwin.core.scrub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  private static final int SAMPLES = 500;
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._+'-]+@([A-Za-z0-9-]+\\.)+invalid");
  private static final Pattern UUID_SHAPE =
      Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-[89abAB]\\p{XDigit}{3}-\\p{XDigit}{12}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

  private final Random random = new Random(20261121);
  private final Pseudonymiser pseudonymiser = withKey("a key of at least sixteen bytes");

  static Pseudonymiser withKey(String key) {
    return new Pseudonymiser(new KeyedHash(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void digitsStayDigitsOfTheSameLengthAndKeepALeadingZeroOrNonZero() {
    for (int i = 0; i < SAMPLES; i++) {
      String digits = randomDigits(1 + random.nextInt(12));
      String pseudonym = pseudonymiser.value(digits);
      assertThat(pseudonym).hasSameSizeAs(digits).matches("[0-9]+");
      assertThat(pseudonym.charAt(0) == '0').isEqualTo(digits.charAt(0) == '0');
    }
  }

  @Test
  void lettersStayLettersOfTheSameCaseAndSeparatorsStay() {
    String alphabet = "abcXYZ09 -_.:/";
    for (int i = 0; i < SAMPLES; i++) {
      StringBuilder value = new StringBuilder();
      for (int k = 0, n = 2 + random.nextInt(20); k < n; k++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String original = value.toString();
      String pseudonym = pseudonymiser.value(original);
      assertThat(pseudonym).hasSameSizeAs(original);
      for (int k = 0; k < original.length(); k++) {
        char o = original.charAt(k);
        char p = pseudonym.charAt(k);
        if (Character.isDigit(o)) {
          assertThat(Character.isDigit(p)).as("%s -> %s at %d", original, pseudonym, k).isTrue();
        } else if (Character.isUpperCase(o)) {
          assertThat(Character.isUpperCase(p)).as("%s -> %s at %d", original, pseudonym, k).isTrue();
        } else if (Character.isLowerCase(o)) {
          assertThat(Character.isLowerCase(p)).as("%s -> %s at %d", original, pseudonym, k).isTrue();
        } else {
          assertThat(p).as("%s -> %s at %d", original, pseudonym, k).isEqualTo(o);
        }
      }
    }
  }

  @Test
  void emailAddressesStayValidAddressesUnderTheReservedInvalidDomain() {
    for (int i = 0; i < SAMPLES; i++) {
      String email = randomLetters(1 + random.nextInt(10)) + (random.nextBoolean() ? "." + randomDigits(3) : "")
          + "@" + randomLetters(2 + random.nextInt(8)) + ".example." + (random.nextBoolean() ? "com" : "co.uk");
      String pseudonym = pseudonymiser.value(email);
      assertThat(pseudonym).matches(EMAIL).isNotEqualTo(email);
      assertThat(pseudonym.substring(0, pseudonym.indexOf('@'))).hasSize(email.indexOf('@'));
    }
  }

  @Test
  void emailAddressesDifferingOnlyInCaseShareTheirPseudonymUpToCase() {
    assertThat(pseudonymiser.value("Alice@Example.COM")).isEqualToIgnoringCase(pseudonymiser.value("alice@example.com"));
  }

  @Test
  void uuidsStayUuidsWithTheSameVersionNibble() {
    for (int i = 0; i < SAMPLES; i++) {
      String uuid = (i % 2 == 0 ? UUID.randomUUID() : UUID.nameUUIDFromBytes(new byte[] {(byte) i})).toString();
      String pseudonym = pseudonymiser.value(i % 3 == 0 ? uuid.toUpperCase() : uuid);
      assertThat(pseudonym).matches(UUID_SHAPE).isNotEqualToIgnoringCase(uuid);
      assertThat(pseudonym.charAt(14)).isEqualTo(uuid.charAt(14));
      assertThat(UUID.fromString(pseudonym).version()).isEqualTo(UUID.fromString(uuid).version());
    }
  }

  @Test
  void cardNumbersKeepLengthAndSeparatorsAndStayLuhnValidInTheMii0Range() {
    for (int i = 0; i < SAMPLES; i++) {
      String card = randomCard(13 + random.nextInt(7));
      String written = i % 3 == 0 ? group(card, ' ') : i % 3 == 1 ? group(card, '-') : card;
      String pseudonym = pseudonymiser.value(written);
      assertThat(pseudonym).hasSameSizeAs(written).startsWith("0").isNotEqualTo(written);
      assertThat(Checksums.luhnValid(pseudonym)).as(pseudonym).isTrue();
      assertThat(pseudonym.replaceAll("[0-9]", "d")).isEqualTo(written.replaceAll("[0-9]", "d"));
    }
  }

  @Test
  void ibansKeepCountryAndLengthAndHaveValidCheckDigits() {
    String[] valid = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300", "FR1420041010050500013M02606",
        "NO9386011117947", "IT60X0542811101000000123456"};
    for (String iban : valid) {
      for (String written : new String[] {iban, group(iban, ' ')}) {
        String pseudonym = pseudonymiser.value(written);
        String compact = pseudonym.replace(" ", "");
        assertThat(pseudonym).hasSameSizeAs(written).startsWith(iban.substring(0, 2)).isNotEqualTo(written);
        assertThat(Checksums.ibanRemainder(compact)).as(pseudonym).isEqualTo(1);
        assertThat(Integer.parseInt(compact.substring(2, 4))).isBetween(2, 98);
        assertThat(compact.substring(4, 8)).matches("[0X]{4}");
      }
    }
  }

  @Test
  void ipAddressesStayAddressesInReservedRanges() {
    for (int i = 0; i < SAMPLES; i++) {
      String v4 = (1 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250));
      String p4 = pseudonymiser.found(Detector.IPV4, v4);
      int[] octets = new int[4];
      assertThat(Ipv4Finder.parse(p4, 0, octets)).as(p4).isEqualTo(p4.length());
      assertThat(octets[0]).isBetween(240, 254);

      String v6 = "2a00:1450:" + Integer.toHexString(random.nextInt(65536)) + "::" + Integer.toHexString(1 + random.nextInt(65535));
      String p6 = pseudonymiser.found(Detector.IPV6, v6);
      assertThat(Ipv6Finder.parse(p6, 0, p6.length())).as(p6).isNotNull();
      assertThat(p6).startsWith("2001:db8:");
    }
  }

  @Test
  void jwtsStayThreeBase64UrlSegmentsWithTheirHeader() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    String pseudonym = pseudonymiser.value(jwt);
    String[] segments = pseudonym.split("\\.");
    assertThat(segments).hasSize(3).allSatisfy(s -> assertThat(s).matches(BASE64URL));
    assertThat(segments[0]).isEqualTo("eyJhbGciOiJIUzI1NiJ9");
    assertThat(pseudonymiser.value("Bearer " + jwt)).isEqualTo("Bearer " + pseudonym);
  }

  @Test
  void phoneNumbersKeepTheirSeparatorsAndLength() {
    for (String phone : new String[] {"+44 20 7946 0958", "+1 (555) 010-4477", "(555) 123-4567", "020 7946 0958",
        "06 12 34 56 78", "+4915123456789"}) {
      String pseudonym = pseudonymiser.value(phone);
      assertThat(pseudonym.replaceAll("[0-9]", "d")).isEqualTo(phone.replaceAll("[0-9]", "d"));
      assertThat(pseudonym).isNotEqualTo(phone);
    }
  }

  @Test
  void noPseudonymIsFoundByAnyDetector() {
    for (int i = 0; i < SAMPLES; i++) {
      String text = "mail " + randomLetters(5) + "@" + randomLetters(6) + ".com, card " + randomCard(16) + ", ssn 123-45-"
          + (1000 + random.nextInt(9000)) + ", ip 10." + random.nextInt(256) + ".0.7, call +44 20 7946 " + randomDigits(4);
      assertThat(Detectors.ALL.find(text)).hasSizeGreaterThanOrEqualTo(5);
      assertThat(Detectors.ALL.find(pseudonymiser.value(text))).as(pseudonymiser.value(text)).isEmpty();
    }
  }

  @Test
  void theSameValueAndKeyGiveTheSamePseudonymAndAnotherKeyAnother() {
    Pseudonymiser again = withKey("a key of at least sixteen bytes");
    Pseudonymiser other = withKey("another key, also sixteen bytes");
    for (int i = 0; i < SAMPLES; i++) {
      String value = randomLetters(3) + "." + randomLetters(5) + "@example.org";
      assertThat(again.value(value)).isEqualTo(pseudonymiser.value(value));
      assertThat(other.value(value)).isNotEqualTo(pseudonymiser.value(value));
    }
  }

  @Test
  void jsonNumbersStayNumbersWithTheirSignPointAndExponent() {
    assertThat(pseudonymiser.number("-1234.50")).matches("-[1-9][0-9]{3}\\.[0-9]{2}");
    assertThat(pseudonymiser.number("0.5")).matches("0\\.[0-9]");
    assertThat(pseudonymiser.number("6.02E+23")).matches("[1-9]\\.[0-9]{2}E\\+23");
  }

  private String randomDigits(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private String randomLetters(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  /** A Luhn-valid number starting with 4 (Visa-like). */
  private String randomCard(int length) {
    String payload = "4" + randomDigits(length - 2);
    return payload + Checksums.luhnCheckDigit(payload);
  }

  private static String group(String s, char separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(separator);
      }
      out.append(s.charAt(i));
    }
    return out.toString();
  }
}
