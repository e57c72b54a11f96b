package dev.replaytwin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static final HttpRequest GET = new HttpRequest("GET", "/", "HTTP/1.1", Headers.EMPTY, Body.EMPTY);

  private static HttpRequest get(String target) {
    return new HttpRequest("GET", target, "HTTP/1.1", Headers.EMPTY, Body.EMPTY);
  }

  @Test
  void aRequestTargetInOriginFormLosesAnAbsoluteFormsSchemeAndAuthority() {
    assertThat(get("/a/b?c=1").originForm()).isEqualTo("/a/b?c=1");
    assertThat(get("http://shop.example:8080/a/b?c=1").originForm()).isEqualTo("/a/b?c=1");
    assertThat(get("https://shop.example?c=/x").originForm()).isEqualTo("/?c=/x");
    assertThat(get("http://shop.example").originForm()).isEqualTo("/");
    assertThat(get("*").originForm()).isEqualTo("*");
    assertThat(get("shop.example:443").originForm()).isEqualTo("/shop.example:443");
    assertThat(get("http://shop.example/a/b?c=1").path()).isEqualTo("/a/b");
    assertThat(get("/a#frag").path()).isEqualTo("/a");
  }

  @Test
  void headersKeepOrderAndCaseAndLookUpIgnoringCase() {
    Headers h = Headers.of("Set-Cookie", "a=1", "Content-Type", "text/plain", "set-cookie", "b=2");

    assertThat(h.all("SET-COOKIE")).containsExactly("a=1", "b=2");
    assertThat(h.first("content-type")).contains("text/plain");
    assertThat(h.first("missing")).isEmpty();
    assertThat(h.entries()).extracting(Header::name).containsExactly("Set-Cookie", "Content-Type", "set-cookie");
    assertThatThrownBy(() -> Headers.of("odd")).hasMessageContaining("name, value pairs");
  }

  @Test
  void bodyIsImmutableAndKnowsWhenItWasTruncated() {
    byte[] bytes = {1, 2, 3};
    Body body = Body.of(bytes);
    bytes[0] = 9;
    body.toByteArray()[1] = 9;

    assertThat(body.toByteArray()).containsExactly(1, 2, 3);
    assertThat(body.isTruncated()).isFalse();
    Body cut = Body.truncated(new byte[] {1}, 10);
    assertThat(cut.isTruncated()).isTrue();
    assertThat(cut.originalLength()).isEqualTo(10);
    assertThat(cut).isNotEqualTo(Body.of(new byte[] {1}));
    assertThatThrownBy(() -> Body.truncated(new byte[] {1, 2}, 2)).hasMessage("originalLength: 2 (expected: > kept length 2)");
  }

  @Test
  void outboundNeedsADependencyAndInboundMustNotHaveOne() {
    assertThatThrownBy(() -> new Exchange("x", 1, Direction.OUTBOUND, "", "c", GET, null, Timings.startedAt(1),
        ContextTags.EMPTY, List.of())).hasMessageContaining("dependency");
    assertThatThrownBy(() -> new Exchange("x", 1, Direction.INBOUND, "payments", "c", GET, null,
        Timings.startedAt(1), ContextTags.EMPTY, List.of())).hasMessageContaining("dependency");
  }

  @Test
  void invalidValuesAreRejectedWithTheExpectedRange() {
    assertThatThrownBy(() -> new HttpResponse(42, Headers.EMPTY, Body.EMPTY)).hasMessage("status: 42 (expected: 100..999)");
    assertThatThrownBy(() -> new Timings(-5, -1, -1)).hasMessageContaining("requestStartNanos: -5");
    assertThatThrownBy(() -> new ContextTags("", "", "", "", Map.of("", "v"))).hasMessageContaining("empty key");
    assertThat(new Timings(100, Timings.NOT_RECORDED, 350).totalNanos()).isEqualTo(250);
    assertThat(Timings.startedAt(100).totalNanos()).isEqualTo(Timings.NOT_RECORDED);
  }
}
