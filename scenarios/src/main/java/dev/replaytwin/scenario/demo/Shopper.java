package dev.replaytwin.scenario.demo;

import java.util.SplittableRandom;

/**
 * A made-up customer of the demo shop: the personal data a checkout carries, so that a capture of
 * the traffic has something for the scrubber to scrub. Every value is fake: e-mail addresses at
 * {@code example.com}/{@code example.org}/{@code example.net} (RFC 2606), card numbers from the
 * payment networks' published test ranges, phone numbers from Ofcom's and NANP's drama ranges.
 *
 * @param name a full name
 * @param email an e-mail address
 * @param phone a phone number in international form
 * @param card a test card number passing the Luhn check, written as a checkout form would send it
 */
record Shopper(String name, String email, String phone, String card) {
  private static final String[] FIRST = {"Alice", "Bob", "Chiara", "Dmitri", "Emma", "Farid", "Grace", "Hiro",
      "Ines", "Jonas", "Kemal", "Lena", "Marta", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara"};
  private static final String[] LAST = {"Smith", "Rossi", "Novak", "Garcia", "Muller", "Kowalski", "Dubois",
      "Jensen", "Silva", "Tanaka", "Okafor", "Larsen", "Moreau", "Fischer", "Kaur", "Nilsen"};
  private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com"};
  /** Issuer test prefixes: Visa 4111 1111 / 4242 4242 / 4012 8888, Mastercard 5555 5555 / 5105 1051. */
  private static final String[] CARD_PREFIXES = {"41111111", "42424242", "40128888", "55555555", "51051051"};
  /** The payments stand-in declines this test card, as card networks' sandboxes do. */
  static final String DECLINED_CARD = "4000000000000002";

  Shopper {
    if (!luhnValid(card.replace(" ", "").replace("-", ""))) {
      throw new IllegalArgumentException("card: " + card + " (expected: a number passing the Luhn check)");
    }
  }

  /** A shopper drawn from {@code random}; the same draws give the same shopper. */
  static Shopper draw(SplittableRandom random) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String email = (random.nextBoolean() ? first + "." + last : first.charAt(0) + last + (10 + random.nextInt(90)))
        .toLowerCase(java.util.Locale.ROOT) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    // Grouped as +44 20 7946 0958 and +1-202-555-0147: the scrubber's pseudonyms of +1 202 555 0147
    // (and of +44 113 496 0123) can end in a run the phone detector finds again, so the audit fails.
    String phone = random.nextBoolean()
        ? "+44 20 7946 0" + (100 + random.nextInt(900))
        : "+1-202-555-0" + (100 + random.nextInt(900));
    String digits = random.nextInt(50) == 0 ? DECLINED_CARD : card(random);
    return new Shopper(first + " " + last, email, phone, layout(digits, random.nextInt(3)));
  }

  private static String card(SplittableRandom random) {
    StringBuilder b = new StringBuilder(CARD_PREFIXES[random.nextInt(CARD_PREFIXES.length)]);
    while (b.length() < 15) {
      b.append(random.nextInt(10));
    }
    return b.append(checkDigit(b)).toString();
  }

  /** Checkout forms send numbers as typed: unbroken, in groups of four, or with dashes. */
  private static String layout(String digits, int style) {
    if (style == 0) {
      return digits;
    }
    String separator = style == 1 ? " " : "-";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      b.append(i == 0 ? "" : separator).append(digits, i, Math.min(digits.length(), i + 4));
    }
    return b.toString();
  }

  static char checkDigit(CharSequence payload) {
    int sum = 0;
    for (int i = payload.length() - 1, k = 0; i >= 0; i--, k++) {
      int d = payload.charAt(i) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  static boolean luhnValid(String digits) {
    if (digits.length() < 2 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
  }

  /** The checkout body this shopper sends. */
  String checkoutBody() {
    return "{\"card\":" + Json.str(card) + ",\"customer\":{\"name\":" + Json.str(name) + ",\"email\":"
        + Json.str(email) + ",\"phone\":" + Json.str(phone) + "}}";
  }
}
