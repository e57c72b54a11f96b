package dev.replaytwin.scenario.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.scenario.demo.TrafficPlan.Kind;
import dev.replaytwin.scenario.demo.TrafficPlan.Settings;
import dev.replaytwin.scenario.demo.TrafficPlan.Step;
import dev.replaytwin.scenario.demo.TrafficPlan.Visit;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The traffic plan: the same seed gives the same requests, and the mix exercises every regression of 1.5. */
class TrafficGeneratorTest {
  private static final TrafficPlan DEMO = TrafficPlanner.plan(Settings.demo(1));

  @Test
  void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
    assertThat(TrafficPlanner.plan(Settings.demo(1))).isEqualTo(DEMO);
    assertThat(TrafficPlanner.plan(Settings.demo(2)).steps()).isNotEqualTo(DEMO.steps());
    assertThat(TrafficGenerator.describe(TrafficPlanner.plan(Settings.demo(1))))
        .isEqualTo(TrafficGenerator.describe(DEMO));
  }

  @Test
  void theDemoPlanSendsAboutTheRateAskedForAndStaysWithinTheDuration() {
    List<Step> steps = DEMO.steps();
    assertThat(steps).hasSize(DEMO.size());
    assertThat(DEMO.size()).isBetween(8_500, 11_000); // 20 requests/s for 480 s
    assertThat(steps.get(0).atMillis()).isGreaterThanOrEqualTo(0);
    assertThat(steps.get(steps.size() - 1).atMillis()).isLessThan(DEMO.settings().duration().toMillis());
    assertThat(steps).extracting(Step::traceparent).doesNotHaveDuplicates()
        .allMatch(t -> t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
  }

  @Test
  void everyEndpointIsVisitedAndSearchesDominate() {
    Map<Kind, Integer> counts = DEMO.countByKind();
    assertThat(counts).allSatisfy((kind, n) -> assertThat(n).as(kind.name()).isPositive());
    assertThat(counts.get(Kind.SEARCH)).isGreaterThan(counts.get(Kind.PRODUCT));
    assertThat(counts.get(Kind.PRODUCT)).isGreaterThan(counts.get(Kind.CART_ADD));
    assertThat(counts.get(Kind.CHECKOUT)).isGreaterThanOrEqualTo(150);
    assertThat(counts.get(Kind.HEALTH)).isEqualTo(DEMO.settings().duration().toSeconds() / 10);
  }

  @Test
  void longQueriesAreAboutAThirdOfSearchesAndMostDuringTheIncident() {
    long searches = DEMO.countByKind().get(Kind.SEARCH);
    assertThat(DEMO.longSearches()).isBetween(searches / 5, searches / 2);
    long incidentSearches = 0;
    long incidentLong = 0;
    for (Step s : DEMO.steps()) {
      if (s.kind() == Kind.SEARCH) {
        assertThat(s.query()).isNotBlank().hasSizeLessThanOrEqualTo(40);
        if (DEMO.settings().inIncident(s.atMillis())) {
          incidentSearches++;
          incidentLong += s.query().length() > TrafficPlan.LONG_QUERY ? 1 : 0;
        }
      }
    }
    assertThat(incidentLong).isGreaterThan(incidentSearches / 2);
  }

  @Test
  void checkoutsComeInWavesOfSessionsAtTheSameMillisecondAboveAllInTheIncident() {
    assertThat(DEMO.concurrentCheckoutGroups(5)).isGreaterThanOrEqualTo(10);
    // Slices as long as the incident, one of them the incident itself: it is the busiest.
    long slice = DEMO.settings().incidentLength().toMillis();
    int incident = (int) (DEMO.settings().incidentAt().toMillis() / slice);
    assertThat(DEMO.settings().incidentAt().toMillis() % slice).isZero();
    long[] perSlice = new long[(int) (DEMO.settings().duration().toMillis() / slice)];
    DEMO.steps().forEach(s -> perSlice[(int) (s.atMillis() / slice)]++);
    for (int m = 0; m < perSlice.length; m++) {
      if (m != incident) {
        assertThat(perSlice[incident]).as("the incident against slice %d", m).isGreaterThan(perSlice[m]);
      }
    }
    long incidentCheckouts = DEMO.steps().stream()
        .filter(s -> s.kind() == Kind.CHECKOUT && DEMO.settings().inIncident(s.atMillis())).count();
    assertThat(incidentCheckouts).isGreaterThanOrEqualTo(20);
  }

  @Test
  void eachVisitIsOneSessionWhoseCheckoutsFollowACartAdd() {
    Set<String> sessions = new HashSet<>();
    int checkouts = 0;
    int afterAdd = 0;
    for (Visit v : DEMO.visits()) {
      assertThat(sessions.add(v.session())).as("session %s used once", v.session()).isTrue();
      boolean added = false;
      for (Step s : v.steps()) {
        added |= s.kind() == Kind.CART_ADD;
        if (s.kind() == Kind.CHECKOUT) {
          checkouts++;
          afterAdd += added ? 1 : 0;
        }
      }
    }
    assertThat(DEMO.visits().get(0).session()).isEmpty(); // the health probe, without a cookie
    assertThat(DEMO.visits().get(0).steps()).allMatch(s -> s.kind() == Kind.HEALTH);
    assertThat(afterAdd).isGreaterThan(checkouts * 8 / 10).isLessThan(checkouts); // a few stale ones get 409
  }

  @Test
  void checkoutBodiesCarryPersonalDataForTheScrubber() {
    Pattern card = Pattern.compile("\"card\":\"([0-9 -]+)\"");
    List<Step> checkouts = DEMO.steps().stream().filter(s -> s.kind() == Kind.CHECKOUT).toList();
    for (Step s : checkouts) {
      Matcher m = card.matcher(s.body());
      assertThat(m.find()).as(s.body()).isTrue();
      assertThat(Shopper.luhnValid(m.group(1).replace(" ", "").replace("-", ""))).as(m.group(1)).isTrue();
      assertThat(s.body()).containsPattern("\"email\":\"[a-z0-9.]+@[a-z.]*example\\.(com|org|net)\"")
          .containsPattern("\"phone\":\"\\+(44 20 7946 0|1-202-555-0)\\d{3}\"");
    }
    assertThat(checkouts).anyMatch(s -> s.body().contains(Shopper.DECLINED_CARD));
  }

  @Test
  void shoppersAreDrawnFromTheirRandomAndCardsPassLuhn() {
    assertThat(Shopper.draw(new SplittableRandom(5))).isEqualTo(Shopper.draw(new SplittableRandom(5)));
    assertThat(Shopper.checkDigit("411111111111111")).isEqualTo('1');
    assertThat(Shopper.luhnValid("4242424242424242")).isTrue();
    assertThat(Shopper.luhnValid("4242424242424241")).isFalse();
    assertThatThrownBy(() -> new Shopper("A B", "a@example.com", "+44 20 7946 0000", "4111 1111 1111 1112"))
        .hasMessage("card: 4111 1111 1111 1112 (expected: a number passing the Luhn check)");
  }

  @Test
  void settingsOutsideTheirBoundsAreRefusedSayingWhatIsExpected() {
    Duration tenMinutes = Duration.ofMinutes(10);
    assertThatThrownBy(() -> new Settings(Duration.ofSeconds(5), 10, 1, Duration.ZERO, Duration.ZERO))
        .hasMessage("duration: PT5S (expected: 10s..1h)");
    assertThatThrownBy(() -> new Settings(tenMinutes, 500, 1, Duration.ZERO, Duration.ZERO))
        .hasMessage("rate: 500.0 (expected: 0.1..200 requests per second)");
    assertThatThrownBy(() -> new Settings(tenMinutes, 10, 1, Duration.ofMinutes(9), Duration.ofMinutes(2)))
        .hasMessage("incident: PT9M for PT2M (expected: within the duration, PT10M)");
    assertThatThrownBy(() -> TrafficPlanner.plan(
            new Settings(Duration.ofHours(1), 200, 1, Duration.ZERO, Duration.ZERO)))
        .hasMessageContaining("(expected: at most 100000; lower the rate or the duration)");
  }

  @Test
  void durationsReadAndWriteAsTheCommandLineDoes() {
    assertThat(DurationText.parse("--duration", "1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("--duration", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("--duration", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMinutes(6))).isEqualTo("6m");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> DurationText.parse("--duration", "10 minutes"))
        .hasMessage("--duration 10 minutes: not a duration (expected: like 10m, 90s, 1m30s)");
  }
}
