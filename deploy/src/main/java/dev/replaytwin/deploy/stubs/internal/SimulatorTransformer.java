package dev.replaytwin.deploy.stubs.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.replaytwin.core.endpoint.EndpointNamer;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.TraceIds;
import dev.replaytwin.deploy.stubs.Fault;
import dev.replaytwin.deploy.stubs.LatencyModel;
import java.util.Map;
import java.util.Random;

/**
 * Decides, for every call to one dependency's simulator, what it gets: its stub's response after
 * the endpoint's fitted delay, a fault, or the unmatched answer. Applied to every call (a catch-all
 * stub of lowest priority makes every call match something), and records each call in the journal.
 */
public final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {
  /** The status of a call no stub matches: rare in real traffic, so it stands out in outcomes. */
  public static final int UNMATCHED_STATUS = 501;
  public static final String UNMATCHED_HEADER = "X-Twin-Unmatched";
  public static final String FAULT_HEADER = "X-Twin-Fault";
  public static final String ROLE_UNMATCHED = "unmatched";
  public static final String ROLE_PROXY = "proxy";

  private final String dependency;
  private final String twin;
  private final Map<String, LatencyModel> latency;
  private final boolean serveLatency;
  private final FaultBook faults;
  private final RunClock clock;
  private final CallJournal journal;
  private final Random random;
  private final ResponseSequences sequences = new ResponseSequences();

  public SimulatorTransformer(String dependency, String twin, Map<String, LatencyModel> latency, boolean serveLatency,
      FaultBook faults, RunClock clock, CallJournal journal, long seed) {
    this.dependency = dependency;
    this.twin = twin;
    this.latency = Map.copyOf(latency);
    this.serveLatency = serveLatency;
    this.faults = faults;
    this.clock = clock;
    this.journal = journal;
    this.random = new Random(seed);
  }

  @Override
  public String getName() {
    return "replaytwin-simulator-" + dependency;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    long now = clock.nanoTime();
    LoggedRequest request = event.getRequest();
    String method = request.getMethod().getName();
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String role = role(event.getStubMapping());
    boolean matched = !ROLE_UNMATCHED.equals(role) && !ROLE_PROXY.equals(role);
    String endpoint = matched ? endpoint(event.getStubMapping(), method, path) : EndpointNamer.defaults().name(method, path);
    FaultBook.Decision decision = faults.decide(method, path, endpoint, clock.sinceStart(now), now);

    // Every matched call takes its sequence step, a faulted one too: a failed call uses up its step.
    ResponseDefinition next = matched
        ? sequences.next(event.getStubMapping(), ours(event.getStubMapping()), event.getResponseDefinition())
        : null;
    ResponseDefinition out;
    int status;
    if (decision.failure() != null) {
      out = failure(decision.failure(), decision.delayMillis());
      status = out.getFault() != null ? 0 : out.getStatus();
    } else if (ROLE_PROXY.equals(role)) {
      out = ResponseDefinitionBuilder.like(event.getResponseDefinition())
          .withFixedDelay(millis(decision.delayMillis())).build();
      status = -1;
    } else if (!matched) {
      out = ResponseDefinitionBuilder.responseDefinition()
          .withStatus(UNMATCHED_STATUS)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withHeader(UNMATCHED_HEADER, "1")
          .withBody("replaytwin: no stub for " + method + " " + path + " on " + dependency + " (twin " + twin + ")\n")
          .withFixedDelay(millis(decision.delayMillis()))
          .build();
      status = UNMATCHED_STATUS;
    } else {
      LatencyModel model = latency.get(endpoint);
      double delay = decision.delayMillis() + (serveLatency && model != null ? model.sampleMillis(random) : 0);
      ResponseDefinition stubbed = next;
      // The mapping's own delay fields are for WireMock run alone; here the index's model is served.
      out = ResponseDefinitionBuilder.like(stubbed).withRandomDelay(null).withFixedDelay(millis(delay)).build();
      status = stubbed.getFault() != null ? 0 : stubbed.getStatus();
    }
    String traceId = TraceIds.traceIdOf(request.getHeader(TraceIds.HEADER)).orElse("");
    journal.arrived(event.getId(), new DependencyCall(clock.epochNanos(now), dependency, method, path, endpoint,
        Math.max(status, 0), traceId, matched, decision.name()), status);
    return out;
  }

  private static ResponseDefinition failure(Fault f, double delayMillis) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition()
        .withFixedDelay(millis(delayMillis));
    return switch (f.kind()) {
      case RESET -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY -> b.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
      case OUTAGE -> f.status() == 0
          ? b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build()
          : text(b, f.status(), f).build();
      case RATE_LIMIT -> text(b, 429, f).withHeader("Retry-After", "1").build();
      default -> text(b, f.status(), f).build();
    };
  }

  private static ResponseDefinitionBuilder text(ResponseDefinitionBuilder b, int status, Fault f) {
    return b.withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader(FAULT_HEADER, f.kind().text())
        .withBody("replaytwin: injected " + f.kind().text() + " on " + f.dependency() + "\n");
  }

  private static int millis(double ms) {
    return (int) Math.min(Integer.MAX_VALUE, Math.round(ms));
  }

  private static String role(StubMapping stub) {
    Map<?, ?> ours = ours(stub);
    return ours == null ? MappingFactory.ROLE_STUB : String.valueOf(ours.get("role"));
  }

  private static String endpoint(StubMapping stub, String method, String path) {
    Map<?, ?> ours = ours(stub);
    Object e = ours == null ? null : ours.get("endpoint");
    return e instanceof String s ? s : EndpointNamer.defaults().name(method, path);
  }

  private static Map<?, ?> ours(StubMapping stub) {
    if (stub == null || stub.getMetadata() == null) {
      return null;
    }
    Object o = stub.getMetadata().get(MappingFactory.METADATA_KEY);
    return o instanceof Map<?, ?> m ? m : null;
  }
}
