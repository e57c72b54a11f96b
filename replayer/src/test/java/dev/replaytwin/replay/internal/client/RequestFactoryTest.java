package dev.replaytwin.replay.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Headers;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {
  private final RequestFactory factory = new RequestFactory("twin:8080", "/api");

  @Test
  void leavesOutHopByHopFieldsAndThoseConnectionNames() {
    FullHttpRequest r = factory.build(new OutgoingRequest("GET", "/x",
        Headers.of("connection", "X-Secret , close", "X-Secret", "s", "x-kept", "1", "TE", "gzip", "Cookie", "a=b"),
        new byte[0]));
    try {
      assertThat(r.headers().entries()).extracting(Map.Entry::getKey).containsExactly("Host", "x-kept", "Cookie");
      assertThat(r.uri()).isEqualTo("/api/x");
    } finally {
      r.release();
    }
  }

  @Test
  void keepsTheAsteriskTargetAsItIs() {
    FullHttpRequest r = factory.build(OutgoingRequest.of("OPTIONS", "*"));
    assertThat(r.uri()).isEqualTo("*");
    r.release();
  }

  @Test
  void knowsWhichFieldsAreItsOwn() {
    for (String name : List.of("Host", "content-length", "CONNECTION", "Keep-Alive", "Proxy-Connection", "te",
        "Trailer", "Transfer-Encoding", "Upgrade")) {
      assertThat(RequestFactory.isOurs(name)).as(name).isTrue();
    }
    for (String name : List.of("Hosts", "tee", "Content-Type", "X-Upgrade", "Trailers", "Accept")) {
      assertThat(RequestFactory.isOurs(name)).as(name).isFalse();
    }
  }
}
