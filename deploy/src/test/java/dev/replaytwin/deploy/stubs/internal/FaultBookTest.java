package dev.replaytwin.deploy.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.deploy.stubs.Delay;
import dev.replaytwin.deploy.stubs.Fault;
import dev.replaytwin.deploy.stubs.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultBookTest {
  private static final long SECOND = 1_000_000_000L;

  private static FaultBook.Decision call(FaultBook book, String method, String path, String endpoint, long at) {
    return book.decide(method, path, endpoint, at, at);
  }

  @Test
  void aRatedFaultHitsItsShareOfCallsTheSameWayForTheSameSeed() {
    FaultPlan plan = FaultPlan.of(Fault.errors("payments", 0.25, 503)).withSeed(11);
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    FaultBook a = FaultBook.of(plan, "payments");
    FaultBook b = FaultBook.of(plan, "payments");
    for (int i = 0; i < 4000; i++) {
      first.add(call(a, "GET", "/x", "GET /x", 0).failure() != null);
      second.add(call(b, "GET", "/x", "GET /x", 0).failure() != null);
    }
    assertThat(first).isEqualTo(second);
    // Binomial(4000, 0.25): mean 1000, standard deviation 27.4.
    assertThat(first.stream().filter(hit -> hit).count()).isBetween(890L, 1110L);
    assertThat(FaultBook.of(plan, "ledger").isEmpty()).isTrue();
  }

  @Test
  void faultsApplyOnlyInTheirWindow() {
    FaultBook book = FaultBook.of(FaultPlan.of(Fault.outage("payments").startingAfter(Duration.ofSeconds(10))
        .lasting(Duration.ofSeconds(5))), "payments");
    assertThat(call(book, "GET", "/x", "GET /x", -SECOND).failure()).isNull();
    assertThat(call(book, "GET", "/x", "GET /x", 10 * SECOND - 1).failure()).isNull();
    assertThat(call(book, "GET", "/x", "GET /x", 10 * SECOND).name()).isEqualTo("outage");
    assertThat(call(book, "GET", "/x", "GET /x", 15 * SECOND - 1).name()).isEqualTo("outage");
    assertThat(call(book, "GET", "/x", "GET /x", 15 * SECOND).failure()).isNull();
  }

  @Test
  void endpointsAreRouteTemplatesOrGlobsWithAnOptionalMethod() {
    FaultBook book = FaultBook.of(FaultPlan.of(
        Fault.resets("payments", 1).on("POST /v1/charges/{id}"),
        Fault.emptyResponses("payments", 1).on("/v2/**"),
        Fault.errors("payments", 1, 500).on("GET /v1/*/refunds")), "payments");
    assertThat(call(book, "POST", "/v1/charges/7", "POST /v1/charges/{id}", 0).name()).isEqualTo("reset");
    assertThat(call(book, "GET", "/v1/charges/7", "GET /v1/charges/{id}", 0).name()).isEmpty();
    assertThat(call(book, "DELETE", "/v2/a/b", "DELETE /v2/a/b", 0).name()).isEqualTo("empty");
    assertThat(call(book, "GET", "/v1/ch_1/refunds", "GET /v1/ch_1/refunds", 0).name()).isEqualTo("error");
    assertThat(call(book, "GET", "/v1/a/b/refunds", "GET /v1/a/b/refunds", 0).name()).isEmpty();
    assertThatThrownBy(() -> FaultBook.validate(FaultPlan.of(Fault.outage("payments").on("v1/x"))))
        .hasMessageContaining("expected: [METHOD ]/path");
  }

  @Test
  void delaysAddUpAndTheFirstFailingFaultDecides() {
    FaultBook book = FaultBook.of(FaultPlan.of(
        Fault.delay("payments", Delay.fixed(Duration.ofMillis(100))),
        Fault.errors("payments", 1, 502).withDelay(Delay.fixed(Duration.ofMillis(50))),
        Fault.outage("payments")), "payments");
    FaultBook.Decision d = call(book, "GET", "/x", "GET /x", 0);
    assertThat(d.delayMillis()).isEqualTo(150);
    assertThat(d.failure().status()).isEqualTo(502);
    assertThat(d.name()).isEqualTo("error");
    FaultBook delayOnly = FaultBook.of(FaultPlan.of(Fault.delay("payments",
        Delay.uniform(Duration.ofMillis(10), Duration.ofMillis(20)))), "payments");
    FaultBook.Decision u = call(delayOnly, "GET", "/x", "GET /x", 0);
    assertThat(u.failure()).isNull();
    assertThat(u.name()).isEqualTo("delay");
    assertThat(u.delayMillis()).isBetween(10.0, 20.0);
  }

  @Test
  void aRateLimitLetsItsRateThroughAndRefillsOverTime() {
    FaultBook book = FaultBook.of(FaultPlan.of(Fault.rateLimit("payments", 10)), "payments");
    int passed = 0;
    for (int i = 0; i < 30; i++) {
      passed += call(book, "GET", "/x", "GET /x", SECOND).failure() == null ? 1 : 0;
    }
    assertThat(passed).isEqualTo(10);
    assertThat(call(book, "GET", "/x", "GET /x", SECOND).name()).isEqualTo("rate-limit");
    // Half a second later, five more.
    passed = 0;
    for (int i = 0; i < 30; i++) {
      passed += call(book, "GET", "/x", "GET /x", SECOND + SECOND / 2).failure() == null ? 1 : 0;
    }
    assertThat(passed).isEqualTo(5);
  }

  @Test
  void faultsRefuseWhatTheyCannotDo() {
    assertThatThrownBy(() -> Fault.errors("payments", 1.5, 503)).hasMessage("rate: 1.5 (expected: 0 < rate <= 1)");
    assertThatThrownBy(() -> Fault.errors("payments", 0.1, 200))
        .hasMessage("status: 200 (expected: 400..599 for error)");
    assertThatThrownBy(() -> Fault.rateLimit("payments", 0)).hasMessage("perSecond: 0.0 (expected: > 0)");
    assertThatThrownBy(() -> Fault.delay("payments", Delay.NONE))
        .hasMessage("delay: none (expected: a delay for a delay fault)");
    assertThatThrownBy(() -> Fault.outage("payments").lasting(Duration.ZERO))
        .hasMessage("duration: PT0S (expected: > 0, or none for the whole run)");
    assertThat(Fault.outage("payments", 0).status()).isZero();
  }
}
