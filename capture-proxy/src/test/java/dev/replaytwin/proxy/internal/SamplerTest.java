package dev.replaytwin.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.proxy.SamplingPolicy;
import dev.replaytwin.proxy.SamplingPolicy.Key;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {

  @Test
  void keepsEveryRequestAtOneAndNoneAtZero() {
    Sampler all = new Sampler(SamplingPolicy.ALL);
    Sampler none = new Sampler(SamplingPolicy.ALL.withFraction(0));

    assertThat(IntStream.range(0, 1000).filter(i -> all.keep(get("/a"))).count()).isEqualTo(1000);
    assertThat(IntStream.range(0, 1000).filter(i -> none.keep(get("/a"))).count()).isZero();
  }

  @Test
  void keepsAboutTheFractionOfRequestsWithoutAKey() {
    Sampler tenth = new Sampler(SamplingPolicy.ALL.withFraction(0.1));

    long kept = IntStream.range(0, 20_000).filter(i -> tenth.keep(get("/a"))).count();

    // 2,000 expected; the bounds are more than ten standard deviations away.
    assertThat(kept).isBetween(1_600L, 2_400L);
  }

  @Test
  void theSameUserIsAlwaysInOrAlwaysOut() {
    Sampler sampler = new Sampler(policy(0.3, Key.parse("header:X-User")));

    long usersKept = 0;
    for (int user = 0; user < 2_000; user++) {
      HttpRequest request = get("/a");
      request.headers().set("x-user", "user-" + user);
      boolean first = sampler.keep(request);
      for (int again = 0; again < 10; again++) {
        assertThat(sampler.keep(request)).as("user-%d, decision %d", user, again).isEqualTo(first);
      }
      usersKept += first ? 1 : 0;
    }
    assertThat(usersKept).isBetween(450L, 750L);
  }

  @Test
  void readsTheKeyFromACookieAmongOthers() {
    Sampler sampler = new Sampler(policy(0.5, Key.parse("cookie:session")));

    long differentDecisions = IntStream.range(0, 200).filter(user -> {
      HttpRequest alone = get("/a");
      alone.headers().set("Cookie", "session=s" + user);
      HttpRequest among = get("/b");
      among.headers().add("Cookie", "theme=dark; session=s" + user + "; lang=de");
      return sampler.keep(alone) != sampler.keep(among);
    }).count();

    assertThat(differentDecisions).isZero();
  }

  @Test
  void readsTheKeyFromTheQuery() {
    Sampler sampler = new Sampler(policy(0.5, Key.parse("query:user")));

    long differentDecisions = IntStream.range(0, 200)
        .filter(user -> sampler.keep(get("/a?user=" + user)) != sampler.keep(get("/b?x=1&user=" + user + "&y=2")))
        .count();

    assertThat(differentDecisions).isZero();
  }

  @Test
  void samplesRequestsWithoutTheKeyAtRandom() {
    Sampler sampler = new Sampler(policy(0.5, Key.parse("header:X-User")));

    long kept = IntStream.range(0, 2_000).filter(i -> sampler.keep(get("/a"))).count();

    assertThat(kept).isBetween(800L, 1_200L);
  }

  @Test
  void singleStarStaysWithinASegmentAndDoubleStarCrossesThem() {
    Sampler one = new Sampler(globs(List.of("/api/*"), List.of()));
    Sampler any = new Sampler(globs(List.of("/api/**"), List.of()));

    assertThat(one.keep(get("/api/orders"))).isTrue();
    assertThat(one.keep(get("/api/orders?page=2"))).isTrue();
    assertThat(one.keep(get("/api/orders/7"))).isFalse();
    assertThat(one.keep(get("/shop/api/orders"))).isFalse();
    assertThat(any.keep(get("/api/orders/7/lines"))).isTrue();
    assertThat(any.keep(get("/apiary"))).isFalse();
  }

  @Test
  void questionMarkMatchesOneCharacterAndOtherCharactersAreLiteral() {
    Sampler sampler = new Sampler(globs(List.of("/v?/a.b"), List.of()));

    assertThat(sampler.keep(get("/v1/a.b"))).isTrue();
    assertThat(sampler.keep(get("/v12/a.b"))).isFalse();
    assertThat(sampler.keep(get("/v1/aXb"))).isFalse();
  }

  @Test
  void excludeWinsOverInclude() {
    Sampler sampler = new Sampler(globs(List.of("/api/**"), List.of("/api/health", "/api/internal/**")));

    assertThat(sampler.keep(get("/api/orders"))).isTrue();
    assertThat(sampler.keep(get("/api/health"))).isFalse();
    assertThat(sampler.keep(get("/api/internal/metrics"))).isFalse();
  }

  @Test
  void keepsOnlyTheListedMethods() {
    Sampler sampler = new Sampler(new SamplingPolicy(1, null, List.of(), List.of(), Set.of("get", "Post")));

    assertThat(sampler.keep(request(HttpMethod.GET, "/a"))).isTrue();
    assertThat(sampler.keep(request(HttpMethod.POST, "/a"))).isTrue();
    assertThat(sampler.keep(request(HttpMethod.DELETE, "/a"))).isFalse();
  }

  private static SamplingPolicy policy(double fraction, Key key) {
    return new SamplingPolicy(fraction, key, List.of(), List.of(), Set.of());
  }

  private static SamplingPolicy globs(List<String> include, List<String> exclude) {
    return new SamplingPolicy(1, null, include, exclude, Set.of());
  }

  private static HttpRequest get(String uri) {
    return request(HttpMethod.GET, uri);
  }

  private static HttpRequest request(HttpMethod method, String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
  }
}
