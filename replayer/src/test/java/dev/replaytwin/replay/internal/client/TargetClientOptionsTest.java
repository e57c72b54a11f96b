package dev.replaytwin.replay.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetClientOptionsTest {
  @ParameterizedTest
  @CsvSource({
      "http://twin:8080,          twin,       8080, twin:8080,       ''",
      "http://twin,               twin,       80,   twin,            ''",
      "https://twin/,             twin,       443,  twin,            ''",
      "https://twin:80/api/v2/,   twin,       80,   twin:80,         /api/v2",
      "http://[::1]:9000/base,    ::1,        9000, [::1]:9000,      /base"})
  void derivesHostPortAuthorityAndPathPrefixFromTheBase(String base, String host, int port, String authority,
      String prefix) {
    TargetClientOptions o = TargetClientOptions.of(URI.create(base));

    assertThat(o.host()).isEqualTo(host);
    assertThat(o.port()).isEqualTo(port);
    assertThat(o.authority()).isEqualTo(authority);
    assertThat(o.pathPrefix()).isEqualTo(prefix);
  }

  @Test
  void hasTheDocumentedDefaults() {
    TargetClientOptions o = TargetClientOptions.of(URI.create("http://twin"));

    assertThat(o.maxConnections()).isEqualTo(1024);
    assertThat(o.maxWaiting()).isEqualTo(100_000);
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.bodyCap()).isEqualTo(64 * 1024);
    assertThat(o.trustedCa()).isNull();
  }

  @Test
  void refusesWhatItCannotUse() {
    TargetClientOptions o = TargetClientOptions.of(URI.create("http://twin"));
    assertThatThrownBy(() -> TargetClientOptions.of(URI.create("ftp://twin")))
        .hasMessage("base: ftp://twin (expected: an http or https URI)");
    assertThatThrownBy(() -> TargetClientOptions.of(URI.create("http://twin/?a=1")))
        .hasMessageStartingWith("base: http://twin/?a=1 (expected: scheme://host[:port][/path]");
    assertThatThrownBy(() -> o.withMaxConnections(0)).hasMessage("maxConnections: 0 (expected: >= 1)");
    assertThatThrownBy(() -> o.withMaxWaiting(-1)).hasMessage("maxWaiting: -1 (expected: >= 0)");
    assertThatThrownBy(() -> o.withResponseTimeout(Duration.ZERO)).hasMessage("responseTimeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> o.withBodyCap(-1)).hasMessage("bodyCap: -1 (expected: >= 0)");
  }
}
