package dev.replaytwin.core.scrub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.scrub.PiiScanner;
import org.junit.jupiter.api.Test;

class FailClosedTest {
  @Test
  void keepsNothingThatCouldHoldPersonalData() {
    Exchange e = Exchange.inbound("ex-1", 5, "203.0.113.7:4000",
        new HttpRequest("POST", "/users/alice@example.com?card=4111111111111111", "HTTP/1.1",
            Headers.of("X-Email", "alice@example.com", "Content-Type", "text/plain"), Body.ofUtf8("ssn 123-45-6789")),
        new HttpResponse(201, Headers.of("Set-Cookie", "sid=abc"), Body.ofUtf8("+44 20 7946 0958")),
        Timings.startedAt(5));

    Exchange closed = FailClosed.of(e, "[REDACTED]");

    assertThat(closed.request().target()).isEqualTo("/%5BREDACTED%5D");
    assertThat(closed.request().headers()).isEqualTo(Headers.of("X-Email", "[REDACTED]", "Content-Type", "[REDACTED]"));
    assertThat(closed.request().body().isEmpty()).isTrue();
    assertThat(closed.response().status()).isEqualTo(201);
    assertThat(closed.response().body().isEmpty()).isTrue();
    assertThat(closed.connectionId()).isEqualTo("[REDACTED]");
    assertThat(closed.scrubRulesFired()).containsExactly("scrub:failed");
    assertThat(PiiScanner.scan(closed)).isEmpty();
  }
}
