package dev.replaytwin.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {
  @Test
  void normalisesUrlsAndHostHeadersToHostAndPort() {
    assertThat(ProductionGuard.normalise("http://Shop.Example:8080/x")).isEqualTo("shop.example:8080");
    assertThat(ProductionGuard.normalise("https://shop.example")).isEqualTo("shop.example:443");
    assertThat(ProductionGuard.normalise("shop.example")).isEqualTo("shop.example:*");
    assertThat(ProductionGuard.normalise("127.0.0.1:9000")).isEqualTo("127.0.0.1:9000");
    assertThat(ProductionGuard.normalise("[::1]")).isEqualTo("[::1]:*");
    assertThat(ProductionGuard.normalise("[::1]:81")).isEqualTo("[::1]:81");
  }
}
