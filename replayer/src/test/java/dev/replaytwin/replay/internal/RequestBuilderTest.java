package dev.replaytwin.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
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
    OutgoingRequest r = new RequestBuilder(options).build(captured, Map.of("old-token", "néw-token"));
    assertThat(r.target()).isEqualTo("/orders?t=néw-token");
    assertThat(r.headers().first("Authorization")).contains("Bearer néw-token");
    assertThat(r.headers().first("Host")).isEmpty();
    assertThat(r.headers().first("Cookie")).isEmpty();
    assertThat(r.headers().all("User-Agent")).containsExactly("twin");
    assertThat(r.headers().first("X-Replay")).contains("1");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":\"néw-token\",\"é\":1}");
  }
}
