package dev.replaytwin.scenario.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.endpoint.EndpointNamer;
import dev.replaytwin.core.scrub.PiiFinding;
import dev.replaytwin.core.scrub.PiiScanner;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.scenario.demo.TrafficPlan.Kind;
import dev.replaytwin.scenario.demo.TrafficPlan.Settings;
import dev.replaytwin.scenario.demo.TrafficPlan.Step;
import dev.replaytwin.scenario.demo.TrafficPlan.Visit;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed demo capture ({@code scenarios/examples/demo}, docs/demo-capture.md), read with
 * core's reader: sealed, clean by the audit {@code twin capture audit} runs, recorded with the
 * committed scrub policy, and holding what a replay needs to show every regression of release 1.5.
 */
class DemoCaptureIT {
  private static final Path DEMO = Path.of("examples", "demo");
  private static final Pattern CARD = Pattern.compile("\"card\":\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("(?:^|;\\s*)session=([^;]*)");
  private static final TrafficPlan PLAN = TrafficPlanner.plan(Settings.demo(1));

  private static Read shop;
  private static Read payments;

  /** A capture read whole: it is small, and every test looks at it differently. */
  private record Read(CaptureHeader header, List<Exchange> exchanges, List<String> problems, long corruptBlocks,
      List<PiiFinding> findings) {}

  @BeforeAll
  static void read() throws IOException {
    shop = read(DEMO.resolve("shop.twcap"));
    payments = read(DEMO.resolve("payments.twcap"));
  }

  private static Read read(Path file) throws IOException {
    List<Exchange> exchanges = new ArrayList<>();
    List<PiiFinding> findings = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(file)) {
      for (Exchange e; (e = reader.next()) != null; ) {
        exchanges.add(e);
        findings.addAll(PiiScanner.scan(e)); // what twin capture audit runs on every exchange
      }
      return new Read(reader.header(), exchanges, reader.problems().stream().map(p -> p.describe()).toList(),
          reader.totals().blocksCorrupt(), findings);
    }
  }

  @Test
  void bothFilesAreSealedWholeAndSmall() throws IOException {
    for (Read r : List.of(shop, payments)) {
      assertThat(r.problems()).isEmpty(); // no torn tail, no missing end marker
      assertThat(r.corruptBlocks()).isZero();
    }
    assertThat(Files.size(DEMO.resolve("shop.twcap")) + Files.size(DEMO.resolve("payments.twcap")))
        .isLessThan(4_000_000);
  }

  @Test
  void bothFilesAuditCleanAndWereScrubbedWithTheCommittedPolicy() throws Exception {
    String digest = ScrubPolicy.load(DEMO.resolve("scrub-policy.yaml")).digest();
    for (Read r : List.of(shop, payments)) {
      assertThat(r.findings()).isEmpty();
      assertThat(r.header().scrubPolicyDigest()).isEqualTo(digest);
      assertThat(r.header().context().service()).isEqualTo("shop");
      assertThat(r.header().context().releaseVersion()).isEqualTo("1.4");
    }
  }

  @Test
  void noneOfThePlannedPersonalDataOrSessionIdsIsLeftInTheExchanges() {
    Pattern personal = Pattern.compile("\"(?:card|name|email|phone)\":\"([^\"]*)\"");
    Set<String> secrets = new HashSet<>();
    for (Visit v : PLAN.visits()) {
      if (!v.session().isEmpty()) {
        secrets.add(v.session());
      }
      for (Step s : v.steps()) {
        for (Matcher m = personal.matcher(s.body()); m.find(); ) {
          secrets.add(m.group(1));
        }
      }
    }
    assertThat(secrets).hasSizeGreaterThan(1_000);
    Set<String> captured = new HashSet<>();
    for (Read r : List.of(shop, payments)) {
      for (Exchange e : r.exchanges()) {
        for (Matcher m = personal.matcher(e.request().body().toUtf8()); m.find(); ) {
          captured.add(m.group(1));
        }
        Matcher session = SESSION.matcher(e.request().headers().first("Cookie").orElse(""));
        if (session.find()) {
          captured.add(session.group(1));
        }
      }
    }
    assertThat(captured).hasSizeGreaterThan(1_000).doesNotContainAnyElementsOf(secrets);
  }

  @Test
  void theIngressCaptureHoldsEveryEndpointOfTheShopAsPlanned() {
    assertThat(shop.exchanges()).allMatch(e -> e.direction() == Direction.INBOUND && e.hasResponse());
    Map<String, Integer> byEndpoint = countByEndpoint(shop);
    assertThat(byEndpoint).containsOnlyKeys("GET /health", "GET /search", "GET /products/{id}", "POST /cart/items",
        "GET /cart", "POST /checkout");
    Map<Kind, Integer> planned = PLAN.countByKind();
    assertThat(byEndpoint.get("GET /search")).isEqualTo(planned.get(Kind.SEARCH));
    assertThat(byEndpoint.get("GET /products/{id}")).isEqualTo(planned.get(Kind.PRODUCT));
    assertThat(byEndpoint.get("POST /cart/items")).isEqualTo(planned.get(Kind.CART_ADD));
    assertThat(byEndpoint.get("GET /cart")).isEqualTo(planned.get(Kind.CART));
    assertThat(byEndpoint.get("POST /checkout")).isEqualTo(planned.get(Kind.CHECKOUT));
    assertThat(shop.exchanges()).filteredOn(e -> e.response().status() == 200)
        .hasSizeGreaterThan(shop.exchanges().size() * 95 / 100);
  }

  @Test
  void searchesIncludeManyLongQueriesAndProductPagesCarryThePriceField() {
    long longSearches = shop.exchanges().stream().filter(e -> e.request().target().startsWith("/search?"))
        .filter(e -> query(e).length() > TrafficPlan.LONG_QUERY).count();
    assertThat(longSearches).isEqualTo(PLAN.longSearches()).isGreaterThan(500);
    assertThat(shop.exchanges()).filteredOn(e -> e.request().target().matches("/products/\\d+")
            && e.response().status() == 200)
        .isNotEmpty().allMatch(e -> e.response().body().toUtf8().contains("\"price\":"));
  }

  @Test
  void sessionsGoByAPseudonymisedCookieOnePerVisit() {
    Set<String> sessions = new HashSet<>();
    for (Exchange e : shop.exchanges()) {
      if (!e.request().target().equals("/health")) {
        Matcher m = SESSION.matcher(e.request().headers().first("Cookie").orElse(""));
        assertThat(m.find()).as(e.id()).isTrue();
        assertThat(m.group(1)).doesNotContain("REDACTED").hasSize(20);
        sessions.add(m.group(1));
      }
    }
    assertThat(sessions).hasSize(PLAN.visits().size() - 1);
  }

  @Test
  void severalSessionsCheckOutWithinTheSameFewMilliseconds() {
    List<long[]> checkouts = new ArrayList<>();
    for (Exchange e : shop.exchanges()) {
      if (e.request().target().equals("/checkout")) {
        checkouts.add(new long[] {e.timings().requestStartNanos(), e.timings().responseEndNanos()});
      }
    }
    checkouts.sort((a, b) -> Long.compare(a[0], b[0]));
    int overlapping = 0;
    for (int i = 1; i < checkouts.size(); i++) {
      overlapping += checkouts.get(i)[0] - checkouts.get(i - 1)[0] < 5_000_000 ? 1 : 0;
    }
    assertThat(overlapping).isGreaterThanOrEqualTo(20);
  }

  @Test
  void theEgressCaptureHoldsOnePaymentsChargePerPaidCheckoutWithTheSameCardPseudonyms() {
    assertThat(payments.exchanges()).isNotEmpty()
        .allMatch(e -> e.direction() == Direction.OUTBOUND && e.dependency().equals("payments") && e.hasResponse());
    assertThat(countByEndpoint(payments)).containsOnlyKeys("POST /v1/charges");
    long charged = shop.exchanges().stream().filter(e -> e.request().target().equals("/checkout"))
        .filter(e -> e.response().status() != 409).count();
    assertThat(payments.exchanges()).hasSize((int) charged);
    Set<String> checkoutCards = cards(shop);
    assertThat(cards(payments)).isNotEmpty().allMatch(checkoutCards::contains);
    assertThat(payments.exchanges()).allMatch(e -> e.request().headers().first("traceparent").isPresent()
        && e.request().headers().first("Idempotency-Key").isPresent());
  }

  @Test
  void theIncidentIsTheBusiestStretchAndTheCaptureSpansThePlannedDuration() {
    long first = shop.exchanges().get(0).captureTimeNanos();
    long last = shop.exchanges().get(shop.exchanges().size() - 1).captureTimeNanos();
    long seconds = PLAN.settings().duration().toSeconds();
    assertThat((last - first) / 1_000_000_000L).isBetween(seconds - 10, seconds + 10);
    // Slices as long as the incident, aligned on it: the incident's is the busiest.
    long start = first - PLAN.steps().get(0).atMillis() * 1_000_000L;
    long slice = PLAN.settings().incidentLength().toNanos();
    int incident = (int) (PLAN.settings().incidentAt().toNanos() / slice);
    long[] perSlice = new long[(int) (PLAN.settings().duration().toNanos() / slice) + 1];
    shop.exchanges().forEach(e -> perSlice[(int) Math.min(perSlice.length - 1, (e.captureTimeNanos() - start) / slice)]++);
    for (int m = 0; m < perSlice.length; m++) {
      if (m != incident) {
        assertThat(perSlice[incident]).as("the incident against slice %d", m).isGreaterThan(perSlice[m]);
      }
    }
  }

  private static Map<String, Integer> countByEndpoint(Read r) {
    EndpointNamer namer = EndpointNamer.defaults();
    Map<String, Integer> counts = new TreeMap<>();
    r.exchanges().forEach(e -> counts.merge(namer.name(e.request().method(), e.request().target()), 1, Integer::sum));
    return counts;
  }

  private static String query(Exchange e) {
    String raw = URI.create(e.request().target()).getRawQuery();
    for (String pair : raw.split("&")) {
      if (pair.startsWith("q=")) {
        return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static Set<String> cards(Read r) {
    Set<String> cards = new HashSet<>();
    for (Exchange e : r.exchanges()) {
      Matcher m = CARD.matcher(e.request().body().toUtf8());
      if (m.find()) {
        cards.add(m.group(1).replace(" ", "").replace("-", ""));
      }
    }
    return cards;
  }
}
