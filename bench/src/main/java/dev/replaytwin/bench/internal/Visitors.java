package dev.replaytwin.bench.internal;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shoppers behind the traffic: a pool of active sessions that slowly turns over, so the same
 * browser, token and cookies come back for a while and then make way for new ones.
 */
public final class Visitors {
  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.92",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.165 Mobile Safari/537.36",
    "ShopApp/5.12.0 (iPhone15,2; iOS 17.5.1; Scale/3.00)",
    "ShopApp/5.11.3 (iPhone14,5; iOS 17.4; Scale/3.00)",
    "ShopApp/5.12.0 (Android 14; Pixel 7; okhttp/4.12.0)",
    "ShopApp/5.10.1 (Android 13; SM-A546B; okhttp/4.11.0)",
    "okhttp/4.12.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  };
  private static final String[] LANGUAGES = {
    "en-GB,en;q=0.9", "en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
    "nl-NL,nl;q=0.9,en;q=0.8", "es-ES,es;q=0.9", "it-IT,it;q=0.9,en;q=0.6", "sv-SE,sv;q=0.9,en;q=0.8",
  };
  private static final String JWT_HEAD = "eyJhbGciOiJSUzI1NiIsImtpZCI6InNob3AtMjAyNS0wNSIsInR5cCI6IkpXVCJ9";

  private final SplittableRandom random;
  private final Visitor[] active;
  private int created;
  private int last = -1;

  /** One shopper's session as the shop sees it; {@code userId} is empty for guests. */
  public record Visitor(String userId, String email, String firstName, String lastName, String userAgent,
      String acceptLanguage, String clientIp, String bearerToken, String cookie, String cartId, String city,
      String country, String street, String postcode) {
    public boolean signedIn() {
      return !userId.isEmpty();
    }
  }

  public Visitors(SplittableRandom random, int activeSessions) {
    this.random = random;
    this.active = new Visitor[activeSessions];
    for (int i = 0; i < activeSessions; i++) {
      active[i] = create();
    }
  }

  /**
   * The visitor behind the next request. A page view makes a few API calls at once, so about half
   * the time it is the same visitor as the last request; now and then a session ends and a new one
   * starts.
   */
  public Visitor next() {
    if (last >= 0 && random.nextInt(100) < 45) {
      return active[last];
    }
    int slot = random.nextInt(active.length);
    last = slot;
    if (random.nextInt(40) == 0) {
      active[slot] = create();
    }
    return active[slot];
  }

  /** The same visitor, now signed in: a fresh token and session cookie. */
  public Visitor signIn(Visitor v) {
    Visitor in = new Visitor(Ids.uuid(random), v.email(), v.firstName(), v.lastName(), v.userAgent(),
        v.acceptLanguage(), v.clientIp(), token(), cookie(v.cartId()), v.cartId(), v.city(), v.country(), v.street(),
        v.postcode());
    for (int i = 0; i < active.length; i++) {
      if (active[i] == v) {
        active[i] = in;
      }
    }
    return in;
  }

  private Visitor create() {
    created++;
    SplittableRandom r = random;
    String first = Vocabulary.pick(Vocabulary.FIRST_NAMES, r);
    String last = Vocabulary.pick(Vocabulary.LAST_NAMES, r);
    String email = (first + "." + last).toLowerCase(Locale.ROOT) + (r.nextBoolean() ? "" : r.nextInt(100)) + "@"
        + Vocabulary.pick(Vocabulary.MAIL_DOMAINS, r);
    boolean signedIn = r.nextInt(10) < 6;
    String cartId = Ids.uuid(r);
    String ip = r.nextInt(8) == 0
        ? String.format(Locale.ROOT, "2a02:%x:%x::%x", r.nextInt(0xFFFF), r.nextInt(0xFFFF), r.nextInt(0xFFFF))
        : (2 + r.nextInt(220)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    String street = (1 + r.nextInt(180)) + " " + Vocabulary.pick(Vocabulary.STREETS, r) + " "
        + Vocabulary.pick(Vocabulary.STREET_KINDS, r);
    String postcode = String.format(Locale.ROOT, "%05d", r.nextInt(100_000));
    return new Visitor(signedIn ? Ids.uuid(r) : "", email, first, last, USER_AGENTS[skewed(r, USER_AGENTS.length)],
        LANGUAGES[skewed(r, LANGUAGES.length)], ip, signedIn ? token() : "", cookie(cartId), cartId,
        Vocabulary.pick(Vocabulary.CITIES, r), Vocabulary.pick(Vocabulary.COUNTRIES, r), street, postcode);
  }

  /** Number of sessions started so far, the first pool included. */
  public int created() {
    return created;
  }

  private String token() {
    return JWT_HEAD + "." + Ids.base64url(random, 150 + random.nextInt(40)) + "." + Ids.base64url(random, 342);
  }

  private String cookie(String cartId) {
    SplittableRandom r = random;
    return "sid=" + Ids.base64url(r, 43) + "; cart_id=" + cartId + "; _ga=GA1.2." + (1_000_000_000L + r.nextInt(
        999_999_999)) + "." + (1_716_000_000L + r.nextInt(3_000_000)) + "; consent=necessary:1|analytics:"
        + r.nextInt(2) + "|ads:" + r.nextInt(2);
  }

  /** Index biased towards the start of a list, as browser shares are. */
  private static int skewed(SplittableRandom r, int n) {
    double u = r.nextDouble();
    return (int) (n * u * u);
  }
}
