package dev.replaytwin.deploy.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.TraceIds;
import dev.replaytwin.core.scrub.ScrubKey;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.core.scrub.Scrubber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stubs made from a capture, served by real WireMock servers, called by a real HTTP client: the
 * captured responses in order, the fitted delays, the faults, unmatched calls and the call log.
 */
class StubsIT {
  private static final double RATES_MEDIAN_MS = 40;
  private static final double RATES_SIGMA = 0.3;
  private static final int TOKENS = 200;
  private static final String[] EMAILS = {"ada@example.com", "grace@example.com"};

  @TempDir
  static Path dir;

  private static Path stubs;
  private static StubIndex index;
  private static List<String> pseudonyms;
  private static HttpClient client;

  @BeforeAll
  static void makeStubs() throws Exception {
    Egress e = new Egress()
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"pending\"}", 20)
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"pending\"}", 20)
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"paid\"}", 20);
    for (int i = 0; i < 6; i++) {
      int amount = i % 2 == 0 ? 100 : 250;
      String currency = i < 3 ? "EUR" : "USD";
      e.call("payments", "POST", "/v1/charges", "{\"amount\":" + amount + ",\"currency\":\"" + currency
          + "\",\"idempotencyKey\":\"k-" + i + "\"}", 201, charge(amount, currency), 30);
    }
    // One request, answered differently every time (a token endpoint): a sequence of TOKENS responses.
    for (int i = 0; i < TOKENS; i++) {
      e.call("payments", "POST", "/v1/tokens", "{\"scope\":\"checkout\"}", 201, token(i), 5);
    }
    Random latency = new Random(42);
    for (int i = 0; i < 300; i++) {
      e.call("payments", "GET", "/v1/rates", "", 200, "{\"eur\":1.1}",
          RATES_MEDIAN_MS * Math.exp(RATES_SIGMA * latency.nextGaussian()));
    }
    // What the service saw (its inbound request) and what it called with it, scrubbed alike.
    Scrubber scrubber = Scrubber.create(ScrubPolicy.defaults(), ScrubKey.of("a key of sixteen bytes or more".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < EMAILS.length; i++) {
      e.inbound("GET", "/api/orders?email=" + EMAILS[i], "");
      e.call("customers", "GET", "/v1/customers?email=" + EMAILS[i] + "&nonce=n" + i, "", 200,
          "{\"customer\":" + i + "}", 10);
    }
    List<Exchange> scrubbed = e.exchanges().stream().map(scrubber::scrub).toList();
    Egress capture = new Egress();
    scrubbed.forEach(capture::add);
    pseudonyms = scrubbed.stream().filter(x -> x.dependency().isEmpty())
        .map(x -> x.request().target().substring("/api/orders?email=".length())).toList();
    assertThat(pseudonyms).hasSize(2).doesNotContain(EMAILS);

    stubs = dir.resolve("stubs");
    index = StubGenerator.generate(List.of(capture.write(dir.resolve("egress.twcap"))), stubs, StubOptions.DEFAULTS);
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void closeClient() {
    client = null;
  }

  private static HttpResponse<String> send(URI base, String method, String target, String body, String traceparent)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(10))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    if (traceparent != null) {
      b.header(TraceIds.HEADER, traceparent);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(URI base, String target) throws IOException, InterruptedException {
    return send(base, "GET", target, "", null);
  }

  @Test
  void repeatedRequestsGetTheCapturedResponsesInOrderAndEachTwinHasItsOwnState() throws Exception {
    SimulatorOptions fast = SimulatorOptions.DEFAULTS.withLatency(false);
    try (DependencySimulators baseline = DependencySimulators.start(stubs, "baseline", fast);
        DependencySimulators candidate = DependencySimulators.start(stubs, "candidate", fast)) {
      URI b = baseline.urls().get("payments");
      URI c = candidate.urls().get("payments");
      assertThat(b).isNotEqualTo(c);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        seen.add(get(b, "/v1/charges/1001").body());
      }
      assertThat(seen).containsExactly("{\"status\":\"pending\"}", "{\"status\":\"pending\"}", "{\"status\":\"paid\"}",
          "{\"status\":\"paid\"}");
      assertThat(get(c, "/v1/charges/1001").body()).isEqualTo("{\"status\":\"pending\"}");
      HttpResponse<String> r = get(b, "/v1/charges/1001");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    }
  }

  @Test
  void concurrentCallsEachTakeTheNextResponseOfTheSequenceAndNoneGoesUnmatched() throws Exception {
    int threads = 16;
    int extra = 40;
    int total = TOKENS + extra;
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate", SimulatorOptions.DEFAULTS)) {
      URI p = deps.urls().get("payments");
      AtomicInteger tickets = new AtomicInteger();
      Queue<String> bodies = new ConcurrentLinkedQueue<>();
      Queue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          workers.add(pool.submit(() -> {
            while (tickets.getAndIncrement() < total) {
              try {
                HttpResponse<String> r = send(p, "POST", "/v1/tokens", "{\"scope\":\"checkout\"}", null);
                if (r.statusCode() != 201) {
                  failures.add(r.statusCode() + " " + r.body());
                }
                bodies.add(r.body());
              } catch (IOException e) {
                failures.add(e.toString());
              }
            }
            return null;
          }));
        }
        for (Future<?> w : workers) {
          w.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(failures).as("calls that were not answered 201").isEmpty();
      Map<String, Long> served = bodies.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()));
      for (int i = 0; i < TOKENS - 1; i++) {
        assertThat(served.get(token(i))).as(token(i)).isEqualTo(1L);
      }
      assertThat(served.get(token(TOKENS - 1))).as("the last response, repeating").isEqualTo(1L + extra);
      assertThat(served).hasSize(TOKENS);
      assertThat(deps.unmatched()).containsEntry("payments", 0L);
      assertThat(deps.calls()).hasSize(total).extracting(DependencyCall::matched).containsOnly(true);
    }
  }

  @Test
  void postBodiesMapToTheirResponsesWhateverTheirNewEveryTimeFields() throws Exception {
    StubIndex.EndpointStubs post = index.dependency("payments").orElseThrow().endpoint("POST /v1/charges").orElseThrow();
    assertThat(post.matchedFields()).containsExactly("json:$.amount", "json:$.currency");
    assertThat(post.ignoredFields()).extracting(StubIndex.IgnoredField::field).containsExactly("json:$.idempotencyKey");
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false))) {
      URI p = deps.urls().get("payments");
      String[][] calls = {{"250", "USD"}, {"100", "EUR"}, {"100", "USD"}, {"250", "EUR"}, {"250", "USD"}};
      for (String[] c : calls) {
        HttpResponse<String> r = send(p, "POST", "/v1/charges", "{\"idempotencyKey\":\"never-seen\",\"currency\":\""
            + c[1] + "\",\"amount\":" + c[0] + "}", null);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(charge(Integer.parseInt(c[0]), c[1]));
      }
      // An amount never captured gets the path's fallback, a captured response, not an error.
      assertThat(send(p, "POST", "/v1/charges", "{\"amount\":7}", null).statusCode()).isEqualTo(201);
      assertThat(deps.unmatched()).containsEntry("payments", 0L);
    }
  }

  @Test
  void aReplayedScrubbedValueMatchesItsStub() throws Exception {
    assertThat(index.dependency("customers").orElseThrow().endpoints().get(0).matchedFields())
        .containsExactly("query:email");
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false))) {
      URI c = deps.urls().get("customers");
      for (int i = 1; i >= 0; i--) {
        // As the service sends it on: the pseudonym of the replayed request, still percent-encoded.
        String target = "/v1/customers?email=" + pseudonyms.get(i) + "&nonce=fresh";
        assertThat(get(c, target).body()).as(pseudonyms.get(i)).isEqualTo("{\"customer\":" + i + "}");
      }
    }
  }

  @Test
  void responsesWaitTheFittedDelay() throws Exception {
    LatencyModel model = index.dependency("payments").orElseThrow().endpoint("GET /v1/rates").orElseThrow().latency();
    assertThat(model).isInstanceOf(LatencyModel.LogNormal.class);
    double fitted = ((LatencyModel.LogNormal) model).medianMillis();
    assertThat(fitted).isBetween(RATES_MEDIAN_MS * 0.9, RATES_MEDIAN_MS * 1.1);
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate", SimulatorOptions.DEFAULTS)) {
      URI p = deps.urls().get("payments");
      get(p, "/v1/rates"); // a warm connection
      double median = medianMillis(p, "/v1/rates", 61);
      System.out.printf("served delay: median %.1f ms, fitted median %.1f ms (captured from a lognormal of median %.0f ms)%n",
          median, fitted, RATES_MEDIAN_MS);
      // The delay is a floor (a response is never early); what comes on top is the machine's.
      assertThat(median).isGreaterThan(fitted * 0.8);
      assertThat(median).isLessThan(fitted * 1.5 + 30);
    }
  }

  @Test
  void aDelayFaultAddsItsDistributionToOneEndpoint() throws Exception {
    FaultPlan plan = FaultPlan.of(Fault.delay("payments", Delay.logNormal(Duration.ofMillis(120), 0.2)).on("GET /v1/rates"));
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false).withFaults(plan))) {
      URI p = deps.urls().get("payments");
      get(p, "/v1/charges/1001");
      double delayed = medianMillis(p, "/v1/rates", 31);
      double other = medianMillis(p, "/v1/charges/1001", 11);
      System.out.printf("delay fault lognormal(120 ms, 0.2): served median %.1f ms; other endpoint %.1f ms%n", delayed, other);
      assertThat(delayed).isGreaterThan(120 * 0.8).isLessThan(120 * 1.5 + 30);
      assertThat(other).isLessThan(delayed);
      assertThat(deps.calls()).filteredOn(call -> call.path().equals("/v1/rates"))
          .extracting(DependencyCall::fault).containsOnly("delay");
    }
  }

  @Test
  void errorsHitTheirRateResetsAndEmptyResponsesAreIoErrors() throws Exception {
    FaultPlan plan = FaultPlan.of(
        Fault.errors("payments", 0.3, 503).on("/v1/rates"),
        Fault.resets("payments", 1).on("GET /v1/charges/*"),
        Fault.emptyResponses("customers", 1)).withSeed(7);
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false).withFaults(plan))) {
      URI p = deps.urls().get("payments");
      int n = 400;
      int errors = 0;
      for (int i = 0; i < n; i++) {
        HttpResponse<String> r = get(p, "/v1/rates");
        if (r.statusCode() == 503) {
          errors++;
          assertThat(r.headers().firstValue("X-Twin-Fault")).hasValue("error");
        } else {
          assertThat(r.body()).isEqualTo("{\"eur\":1.1}");
        }
      }
      System.out.printf("error fault rate 0.3: %d of %d calls failed%n", errors, n);
      // Binomial(400, 0.3): mean 120, standard deviation 9.2; four of them either way.
      assertThat(errors).isBetween(83, 157);
      assertThatThrownBy(() -> get(p, "/v1/charges/1001")).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> get(deps.urls().get("customers"), "/v1/customers?email=x"))
          .isInstanceOf(IOException.class);
      assertThat(deps.calls()).filteredOn(call -> call.fault().equals("reset") || call.fault().equals("empty"))
          .isNotEmpty().extracting(DependencyCall::status).containsOnly(0);
    }
  }

  @Test
  void aRateLimitAnswers429PastItsRate() throws Exception {
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false).withFaults(FaultPlan.of(Fault.rateLimit("payments", 20))))) {
      URI p = deps.urls().get("payments");
      long start = System.nanoTime();
      int ok = 0;
      int limited = 0;
      for (int i = 0; i < 120; i++) {
        int status = get(p, "/v1/rates").statusCode();
        ok += status == 200 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("rate limit 20/s: %d passed, %d got 429 in %.2f s%n", ok, limited, seconds);
      assertThat(ok + limited).isEqualTo(120);
      assertThat(ok).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(20 + (int) Math.ceil(seconds * 20) + 1);
      assertThat(limited).isPositive();
    }
  }

  @Test
  void anOutageStartsAfterItsOffsetAndEndsAfterItsDuration() throws Exception {
    FaultPlan plan = FaultPlan.of(Fault.outage("payments").startingAfter(Duration.ofMinutes(10))
        .lasting(Duration.ofMinutes(1)), Fault.outage("customers", 0));
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false).withFaults(plan))) {
      URI p = deps.urls().get("payments");
      deps.markStart();
      assertThat(get(p, "/v1/rates").statusCode()).isEqualTo(200);
      deps.markStart(Instant.now().minus(Duration.ofMinutes(10)).minusSeconds(1));
      HttpResponse<String> down = get(p, "/v1/rates");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("X-Twin-Fault")).hasValue("outage");
      deps.markStart(Instant.now().minus(Duration.ofMinutes(11)).minusSeconds(1));
      assertThat(get(p, "/v1/rates").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(deps.urls().get("customers"), "/v1/customers")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void unmatchedCallsAre501AndCountedOrProxiedToTheRealDependency() throws Exception {
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false))) {
      HttpResponse<String> r = get(deps.urls().get("payments"), "/v2/refunds");
      assertThat(r.statusCode()).isEqualTo(501);
      assertThat(r.headers().firstValue("X-Twin-Unmatched")).hasValue("1");
      assertThat(r.body()).isEqualTo("replaytwin: no stub for GET /v2/refunds on payments (twin candidate)\n");
      get(deps.urls().get("payments"), "/v1/charges/1001/refunds");
      assertThat(deps.unmatched()).isEqualTo(Map.of("payments", 2L, "customers", 0L));
      assertThat(deps.calls()).extracting(DependencyCall::matched).containsExactly(false, false);
    }
    WireMockServer real = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    real.start();
    try {
      real.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v2/refunds").willReturn(aResponse().withStatus(200).withBody("from the real one")));
      try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
          SimulatorOptions.DEFAULTS.withLatency(false).withProxy("payments", URI.create(real.baseUrl())))) {
        HttpResponse<String> r = get(deps.urls().get("payments"), "/v2/refunds");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("from the real one");
        assertThat(get(deps.urls().get("payments"), "/v1/charges/1001").body()).contains("pending");
        assertThat(deps.unmatched()).containsEntry("payments", 1L);
        assertThat(deps.calls()).extracting(DependencyCall::path, DependencyCall::status, DependencyCall::matched)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("/v2/refunds", 200, false),
                org.assertj.core.groups.Tuple.tuple("/v1/charges/1001", 200, true));
      }
    } finally {
      real.stop();
    }
  }

  @Test
  void everyCallIsLoggedInOrderWithTheTraceIdOfItsRequest() throws Exception {
    try (DependencySimulators deps = DependencySimulators.start(stubs, "candidate",
        SimulatorOptions.DEFAULTS.withLatency(false))) {
      URI p = deps.urls().get("payments");
      String first = TraceIds.traceparent("ex-1", 0);
      String second = TraceIds.traceparent("ex-2", 0);
      for (int i = 0; i < 3; i++) {
        send(p, "GET", "/v1/charges/1001", "", first);
      }
      send(p, "POST", "/v1/charges", "{\"amount\":100}", second);
      send(deps.urls().get("customers"), "GET", "/v1/customers?email=nobody", "", second);
      send(p, "GET", "/v1/rates", "", null);
      RunDirectory run = RunDirectory.at(dir.resolve("run"));
      deps.writeCalls(run, "candidate");
      List<DependencyCall> calls = CallLog.read(run.calls("candidate"));
      assertThat(calls).extracting(DependencyCall::dependency, DependencyCall::method, DependencyCall::endpoint,
          DependencyCall::traceId).containsExactly(
          org.assertj.core.groups.Tuple.tuple("payments", "GET", "GET /v1/charges/{id}", TraceIds.traceId("ex-1", 0)),
          org.assertj.core.groups.Tuple.tuple("payments", "GET", "GET /v1/charges/{id}", TraceIds.traceId("ex-1", 0)),
          org.assertj.core.groups.Tuple.tuple("payments", "GET", "GET /v1/charges/{id}", TraceIds.traceId("ex-1", 0)),
          org.assertj.core.groups.Tuple.tuple("payments", "POST", "POST /v1/charges", TraceIds.traceId("ex-2", 0)),
          org.assertj.core.groups.Tuple.tuple("customers", "GET", "GET /v1/customers", TraceIds.traceId("ex-2", 0)),
          org.assertj.core.groups.Tuple.tuple("payments", "GET", "GET /v1/rates", ""));
      assertThat(calls).extracting(DependencyCall::epochNanos).isSorted();
      assertThat(calls).extracting(DependencyCall::status).containsExactly(200, 200, 200, 201, 200, 200);
      Map<String, Long> perRequest = calls.stream().collect(Collectors.groupingBy(DependencyCall::traceId,
          Collectors.counting()));
      assertThat(perRequest).containsEntry(TraceIds.traceId("ex-1", 0), 3L).containsEntry(TraceIds.traceId("ex-2", 0), 2L);
      deps.writeCalls(run, "candidate");
      assertThat(CallLog.read(run.calls("candidate"))).hasSize(6);
    }
  }

  @Test
  void wiremockOnItsOwnServesTheMappings() throws Exception {
    WireMockServer plain = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .usingFilesUnderDirectory(stubs.resolve("payments").toString()));
    plain.start();
    try {
      URI base = URI.create(plain.baseUrl());
      assertThat(get(base, "/v1/charges/1001").body()).isEqualTo("{\"status\":\"pending\"}");
      assertThat(send(base, "POST", "/v1/charges", "{\"amount\":250,\"currency\":\"USD\"}", null).body())
          .isEqualTo(charge(250, "USD"));
    } finally {
      plain.stop();
    }
  }

  private static String token(int i) {
    return "{\"position\":" + i + "}";
  }

  private static String charge(int amount, String currency) {
    return "{\"id\":\"ch_" + amount + "_" + currency + "\",\"amount\":" + amount + "}";
  }

  private static double medianMillis(URI base, String target, int n) throws IOException, InterruptedException {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = get(base, target);
      ms[i] = (System.nanoTime() - t) / 1e6;
      assertThat(r.statusCode()).isEqualTo(200);
    }
    Arrays.sort(ms);
    return ms[n / 2];
  }
}
