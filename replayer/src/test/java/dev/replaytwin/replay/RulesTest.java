package dev.replaytwin.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.Timings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {
  private static Exchange request(String connection, String... headers) {
    return Exchange.inbound("x1", 1, connection,
        new HttpRequest("GET", "/a", "HTTP/1.1", Headers.of(headers), Body.EMPTY), null, Timings.startedAt(1));
  }

  @Test
  void sessionKeyComesFromTheNamedCookieHeaderOrConnection() {
    Exchange e = request("c-7", "Cookie", "theme=dark; SID=abc123 ; x=1", "X-Session", "s-9");
    assertThat(SessionRule.parse("cookie:SID").key(e)).isEqualTo("abc123");
    assertThat(SessionRule.parse("cookie:missing").key(e)).isNull();
    assertThat(SessionRule.parse("header:x-session").key(e)).isEqualTo("s-9");
    assertThat(SessionRule.parse("connection").key(e)).isEqualTo("c-7");
  }

  @Test
  void badSessionRuleNamesTheExpectedForms() {
    assertThatThrownBy(() -> SessionRule.parse("ip")).hasMessageContaining("cookie:NAME, header:NAME or connection");
    assertThatThrownBy(() -> SessionRule.parse("cookie:")).hasMessageContaining("expected");
  }

  @Test
  void correlationReadsJsonPathsPointersAndHeaders() {
    byte[] body = "{\"data\":{\"tokens\":[{\"v\":\"tok-123\"}]},\"short\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(CorrelationRule.parse("json:$.data.tokens[0].v").extract(h -> null, body)).isEqualTo("tok-123");
    assertThat(CorrelationRule.parse("json:/data/tokens/0/v").extract(h -> null, body)).isEqualTo("tok-123");
    assertThat(CorrelationRule.parse("json:$.short").extract(h -> null, body)).as("too short to substitute").isNull();
    assertThat(CorrelationRule.parse("json:$.missing").extract(h -> null, body)).isNull();
    assertThat(CorrelationRule.parse("json:$.v").extract(h -> null, "not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(CorrelationRule.parse("header:X-Token").extract(Map.of("X-Token", "hdr-456")::get, new byte[0]))
        .isEqualTo("hdr-456");
    assertThatThrownBy(() -> CorrelationRule.parse("xpath://a")).hasMessageContaining("json:$.path");
  }

  @Test
  void targetsAndShardsParseOrSayWhatIsExpected() {
    Target t = Target.parse("candidate=http://Example.test/base", true);
    assertThat(t.authority()).isEqualTo("example.test:80");
    assertThat(Target.parse("b=https://h:8443", false).authority()).isEqualTo("h:8443");
    assertThatThrownBy(() -> Target.parse("nourl", true)).hasMessageContaining("NAME=URL");
    assertThatThrownBy(() -> Target.parse("a/b=http://h", true)).hasMessageContaining("target name");
    assertThatThrownBy(() -> Target.parse("a=ftp://h", true)).hasMessageContaining("http:// or https://");
    assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
    assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("0 <= i < N");
    assertThatThrownBy(() -> Shard.parse("x")).hasMessageContaining("i/N");
  }

  @Test
  void everyKeyBelongsToExactlyOneShard() {
    for (int k = 0; k < 1000; k++) {
      long hash = Long.rotateLeft(k * 0x9E3779B97F4A7C15L, 17);
      int owners = 0;
      for (int i = 0; i < 3; i++) {
        owners += new Shard(i, 3).owns(hash) ? 1 : 0;
      }
      assertThat(owners).isEqualTo(1);
    }
  }
}
