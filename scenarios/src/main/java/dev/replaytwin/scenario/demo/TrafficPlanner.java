package dev.replaytwin.scenario.demo;

import dev.replaytwin.scenario.demo.TrafficPlan.Kind;
import dev.replaytwin.scenario.demo.TrafficPlan.Settings;
import dev.replaytwin.scenario.demo.TrafficPlan.Step;
import dev.replaytwin.scenario.demo.TrafficPlan.Visit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a {@link TrafficPlan} from its settings. Shoppers arrive as a Poisson process whose rate
 * swells and ebbs over the run; each browses (searches, product pages), may fill a cart and may check
 * out, with log-normal think times. Now and then a few check out at the same millisecond (a sale
 * e-mail went out), so overlapping checkouts are certain rather than rare.
 */
final class TrafficPlanner {
  /** A bound on any plan, whatever the settings. */
  static final int MAX_REQUESTS = 100_000;
  /** What a visit sends on average, measured over plans of these settings; converts rate to visits. */
  private static final double REQUESTS_PER_VISIT = 4.6;
  private static final int PROBE_EVERY_MILLIS = 10_000;

  private static final String[] NOUNS = {"chair", "lamp", "kettle", "desk", "mug", "bicycle", "jacket", "tent",
      "blender", "notebook", "speaker", "backpack", "teapot", "clock", "sofa", "rug"};
  private static final String[] ADJECTIVES = {"red", "blue", "green", "wooden", "steel", "small", "large", "quiet",
      "fast", "classic", "organic", "vintage", "black"};
  private static final String[] EXTRAS = {"for", "kitchen", "office", "garden", "gift", "with", "warranty", "set",
      "cheap", "best", "rated", "eco", "home", "travel", "kids", "compact", "sale"};
  private static final String[] USER_AGENTS = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
      "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "shop-android/4.12.0 (Pixel 7; Android 14)"};
  static final String PROBE_AGENT = "kube-probe/1.28";

  private final Settings settings;
  private final SplittableRandom random;
  private final Catalog catalog = new Catalog();
  private final long end;

  private TrafficPlanner(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.end = settings.duration().toMillis();
  }

  static TrafficPlan plan(Settings settings) {
    return new TrafficPlanner(settings).plan();
  }

  private TrafficPlan plan() {
    List<Visit> visits = new ArrayList<>();
    List<Step> probe = new ArrayList<>();
    for (long t = PROBE_EVERY_MILLIS / 2; t < end; t += PROBE_EVERY_MILLIS) {
      probe.add(new Step(t, Kind.HEALTH, "GET", "/health", "", traceparent()));
    }
    visits.add(new Visit("", PROBE_AGENT, probe));

    // Arrivals by thinning: draw at the peak rate, keep each with the share the curve allows then.
    double peak = settings.rate() / REQUESTS_PER_VISIT * 1.25 * 2;
    for (double t = exponential(peak); t < end; t += exponential(peak)) {
      long at = (long) t;
      if (random.nextDouble() * 1.25 * 2 < shape(at) * (settings.inIncident(at) ? 2 : 1)) {
        visits.add(browse(at));
      }
    }
    for (long wave = 40_000 + random.nextInt(20_000); wave < end; ) {
      boolean incident = settings.inIncident(wave);
      int size = incident ? 5 + random.nextInt(5) : 3 + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        visits.add(checkoutAt(wave + random.nextInt(4)));
      }
      long next = wave + (incident ? 6_000 + random.nextInt(4_000) : 45_000 + random.nextInt(30_000));
      long incidentStart = settings.incidentAt().toMillis();
      // The incident's waves start with it, not whenever the calm minutes' slower rhythm reaches it.
      wave = wave < incidentStart && next > incidentStart && settings.incidentLength().toMillis() > 0
          ? incidentStart + 1_000 + random.nextInt(2_000) : next;
    }
    visits.removeIf(v -> v.steps().isEmpty());
    visits.subList(1, visits.size()).sort(Comparator.comparingLong(v -> v.steps().get(0).atMillis()));
    TrafficPlan plan = new TrafficPlan(settings, visits);
    if (plan.size() > MAX_REQUESTS) {
      throw new IllegalArgumentException("rate: " + settings.rate() + " for " + settings.duration() + " plans "
          + plan.size() + " requests (expected: at most " + MAX_REQUESTS + "; lower the rate or the duration)");
    }
    return plan;
  }

  /**
   * The load over the run, a day compressed: quiet at the start, a broad midday swell, a smaller
   * evening one; between 0.5 and 1.25, about 1 on average.
   */
  private double shape(long at) {
    double f = (double) at / end;
    return 0.55 + 0.55 * Math.sin(Math.PI * f) + 0.15 * Math.sin(3 * Math.PI * f) * Math.sin(3 * Math.PI * f);
  }

  /** A shopper who looks around, maybe fills a cart, and maybe checks out. */
  private Visit browse(long start) {
    Script s = new Script(start, settings.inIncident(start));
    int actions = 1 + geometric(0.25);
    List<Integer> seen = s.firstLook(random.nextInt(100) < 85);
    for (int i = 1; i < Math.min(actions, 14); i++) {
      int roll = random.nextInt(100);
      if (roll < 40) {
        seen = s.search();
      } else if (roll < 75 || s.lastProduct < 0) {
        s.product(seen);
      } else if (roll < 90) {
        s.add();
      } else {
        s.cart();
      }
    }
    if (s.items > 0 && random.nextInt(100) < 50) {
      s.cart();
      s.checkout();
    } else if (s.items == 0 && random.nextInt(100) < 3) {
      s.checkout(); // a stale "pay now" button: the shop answers 409, the cart is empty
    }
    return s.visit();
  }

  /** A shopper who came to buy and checks out at {@code checkoutAt}, to the millisecond. */
  private Visit checkoutAt(long checkoutAt) {
    Script s = new Script(0, settings.inIncident(checkoutAt));
    s.search();
    s.product(List.of());
    s.add();
    if (random.nextBoolean()) {
      s.product(List.of());
      s.add();
    }
    s.cart();
    s.checkout();
    List<Step> steps = s.steps;
    long shift = checkoutAt - steps.get(steps.size() - 1).atMillis();
    List<Step> shifted = new ArrayList<>();
    for (Step step : steps) {
      long at = step.atMillis() + shift;
      if (at >= 0) {
        shifted.add(new Step(at, step.kind(), step.method(), step.target(), step.body(), step.traceparent()));
      }
    }
    return new Visit(s.session, s.userAgent, shifted.size() == steps.size() ? shifted : List.of());
  }

  /** One visit being written down, a step at a time, each a think time after the one before. */
  private final class Script {
    final String session = token(20);
    final String userAgent = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
    final Shopper shopper = Shopper.draw(random);
    final boolean incident;
    final List<Step> steps = new ArrayList<>();
    long at;
    int lastProduct = -1;
    int items;

    Script(long start, boolean incident) {
      this.at = start;
      this.incident = incident;
    }

    List<Integer> firstLook(boolean bySearch) {
      if (bySearch) {
        return search();
      }
      product(List.of()); // came from an advert, straight to a product page
      return List.of();
    }

    List<Integer> search() {
      String q = query(random.nextInt(100) < (incident ? 70 : 25));
      String limit = switch (random.nextInt(200)) {
        case 0, 1 -> "&limit=abc";
        default -> random.nextBoolean() ? "" : "&limit=" + new int[] {5, 10, 12, 20}[random.nextInt(4)];
      };
      add(Kind.SEARCH, "GET", "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + limit, "");
      List<Integer> ids = new ArrayList<>();
      catalog.search(q, 10).forEach(p -> ids.add(p.id()));
      return ids;
    }

    void product(List<Integer> results) {
      int id;
      if (random.nextInt(100) < 2) {
        id = Catalog.SIZE + 1 + random.nextInt(500); // an old link to a product no longer sold
      } else if (!results.isEmpty() && random.nextInt(100) < 80) {
        id = results.get(random.nextInt(Math.min(results.size(), 5)));
      } else {
        double u = random.nextDouble();
        id = 1 + (int) (Catalog.SIZE * u * u); // a few products are much more popular than the rest
      }
      lastProduct = id <= Catalog.SIZE ? id : lastProduct;
      add(Kind.PRODUCT, "GET", "/products/" + id, "");
    }

    void add() {
      if (lastProduct < 0) {
        product(List.of());
      }
      int quantity = random.nextInt(100) < 80 ? 1 : 2 + random.nextInt(2);
      add(Kind.CART_ADD, "POST", "/cart/items", "{\"productId\":" + lastProduct + ",\"quantity\":" + quantity + "}");
      items += quantity;
    }

    void cart() {
      add(Kind.CART, "GET", "/cart", "");
    }

    void checkout() {
      add(Kind.CHECKOUT, "POST", "/checkout", shopper.checkoutBody());
      items = 0;
    }

    private void add(Kind kind, String method, String target, String body) {
      if (!steps.isEmpty()) {
        at += thinkMillis();
      }
      if (at < end) {
        steps.add(new Step(at, kind, method, target, body, traceparent()));
      }
    }

    Visit visit() {
      return new Visit(session, userAgent, steps);
    }
  }

  /** A query as people type them: one or two words mostly; long, specific ones often enough. */
  private String query(boolean longOne) {
    if (!longOne) {
      String q = random.nextInt(100) < 55 ? pick(NOUNS) : pick(ADJECTIVES) + " " + pick(NOUNS);
      return q.length() > TrafficPlan.LONG_QUERY ? pick(NOUNS) : q;
    }
    int target = 13 + random.nextInt(28);
    StringBuilder q = new StringBuilder(pick(NOUNS));
    for (int tries = 0; q.length() < target && tries < 20; tries++) {
      boolean before = random.nextInt(100) < 40;
      String word = before ? pick(ADJECTIVES) : pick(EXTRAS);
      if (q.length() + 1 + word.length() > 40) {
        break;
      }
      if ((" " + q + " ").contains(" " + word + " ")) {
        continue;
      }
      if (before) {
        q.insert(0, word + " ");
      } else {
        q.append(' ').append(word);
      }
    }
    if (q.length() <= TrafficPlan.LONG_QUERY) {
      q.append(" ").append(pick(EXTRAS));
    }
    return q.toString();
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  /** Think time between two steps of a visit: log-normal, median 1.8 s, between 0.25 s and 15 s. */
  private long thinkMillis() {
    double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    return Math.max(250, Math.min(15_000, Math.round(1_800 * Math.exp(0.7 * z))));
  }

  private double exponential(double perSecond) {
    return -Math.log(1 - random.nextDouble()) / perSecond * 1_000;
  }

  private int geometric(double p) {
    int n = 0;
    while (n < 30 && random.nextDouble() > p) {
      n++;
    }
    return n;
  }

  private String token(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private String traceparent() {
    return "00-" + hex(32) + "-" + hex(16) + "-01";
  }

  private String hex(int digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }
}
