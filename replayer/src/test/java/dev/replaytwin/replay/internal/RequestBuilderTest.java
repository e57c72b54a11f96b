package dev.replaytwin.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.run.TraceIds;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {
  @Test
  void editsHeadersAndSubstitutesCorrelatedValuesEverywhere() {
    ReplayOptions options = ReplayOptions.builder(Path.of("c.twcap"), Path.of("out"))
        .target(Target.parse("a=http://127.0.0.1:1", true))
        .setHeader("X-Replay", "1").setHeader("user-agent", "twin").dropHeader("cookie").build();
    HttpRequest captured = new HttpRequest("POST", "http://shop.example/orders?t=old-token", "HTTP/1.1",
        Headers.of("Host", "shop.example", "Authorization", "Bearer old-token", "Cookie", "a=b",
            "User-Agent", "curl"),
        Body.of("{\"t\":\"old-token\",\"é\":1}".getBytes(StandardCharsets.UTF_8)));
    OutgoingRequest r = new RequestBuilder(options).build(planned(captured, 0), Map.of("old-token", "néw-token"));
    assertThat(r.target()).isEqualTo("/orders?t=néw-token");
    assertThat(r.headers().first("Authorization")).contains("Bearer néw-token");
    assertThat(r.headers().first("Host")).isEmpty();
    assertThat(r.headers().first("Cookie")).isEmpty();
    assertThat(r.headers().all("User-Agent")).containsExactly("twin");
    assertThat(r.headers().first("X-Replay")).contains("1");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":\"néw-token\",\"é\":1}");
  }

  @Test
  void replacesTheCapturedTraceparentWithOnePerExchangeAndPass() {
    HttpRequest captured = new HttpRequest("GET", "/a", "HTTP/1.1",
        Headers.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), Body.EMPTY);
    RequestBuilder builder = new RequestBuilder(options().build());

    String first = builder.build(planned(captured, 0), Map.of()).headers().all("traceparent").get(0);
    String second = builder.build(planned(captured, 1), Map.of()).headers().all("traceparent").get(0);

    assertThat(builder.build(planned(captured, 0), Map.of()).headers().all("traceparent")).hasSize(1);
    assertThat(first).isEqualTo(TraceIds.traceparent("x1", 0));
    assertThat(TraceIds.traceIdOf(second)).contains(TraceIds.traceId("x1", 1)).isNotEqualTo(TraceIds.traceIdOf(first));
  }

  @Test
  void keepsTheCapturedTraceparentWithoutTracingOrWhenTheUserSetsOne() {
    HttpRequest captured = new HttpRequest("GET", "/a", "HTTP/1.1",
        Headers.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), Body.EMPTY);

    assertThat(new RequestBuilder(options().trace(false).build()).build(planned(captured, 0), Map.of())
        .headers().all("traceparent")).containsExactly("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(new RequestBuilder(options().setHeader("Traceparent", "mine").build()).build(planned(captured, 0), Map.of())
        .headers().all("traceparent")).containsExactly("mine");
  }

  private static ReplayOptions.Builder options() {
    return ReplayOptions.builder(Path.of("c.twcap"), Path.of("out")).target(Target.parse("a=http://127.0.0.1:1", true));
  }

  private static Planned planned(HttpRequest request, int pass) {
    Exchange e = Exchange.inbound("x1", 1, "c1", request, null, Timings.startedAt(1));
    return new Planned(e, pass, 1, 0, "GET /a", null, false);
  }
}
