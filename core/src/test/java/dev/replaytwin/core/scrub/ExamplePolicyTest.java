package dev.replaytwin.core.scrub;

import static dev.replaytwin.core.scrub.TestMessages.KEY;
import static dev.replaytwin.core.scrub.TestMessages.exchange;
import static dev.replaytwin.core.scrub.TestMessages.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example policy of docs/scrubbing.md loads and does what its comments say. */
class ExamplePolicyTest {
  private static final Path EXAMPLE = Path.of("..", "docs", "examples", "scrub-policy.yaml");

  @Test
  void theDocumentedExamplePolicyLoadsAndScrubsAsCommented() throws Exception {
    ScrubPolicy policy = ScrubPolicy.load(EXAMPLE);
    Exchange e = exchange(post("/checkout?email=alice@example.com&session=abc&page=1", Body.ofUtf8(
        "{\"customer\":{\"name\":\"Alice Smith\",\"dateOfBirth\":\"1990-01-31\"},\"items\":[{\"sku\":\"A-1\","
            + "\"giftMessage\":\"Love, Bob\"}],\"payment\":{\"card\":\"4111 1111 1111 1111\",\"cvv\":\"123\"},"
            + "\"shipping\":{\"address\":{\"street\":\"1 Main St\",\"zip\":\"02139\"}}}"),
        "Content-Type", "application/json", "X-Customer-Id", "C-1234", "X-Debug-Dump", "everything",
        "X-Request-Id", "req-1", "Cookie", "cart_id=c-77; consent=yes; sid=s3cr3t"), null);

    Exchange scrubbed = Scrubber.create(policy, KEY).scrub(e);

    assertThat(policy.usesDefaults()).isTrue();
    assertThat(scrubbed.request().target()).matches("/checkout\\?email=[a-z]{5}%40[a-z]{7}\\.invalid&page=1");
    assertThat(scrubbed.request().headers().first("X-Debug-Dump")).isEmpty();
    assertThat(scrubbed.request().headers().first("X-Customer-Id").orElseThrow()).matches("[A-Z]-[1-9]\\d{3}");
    assertThat(scrubbed.request().headers().first("Cookie").orElseThrow())
        .matches("cart_id=[a-z]-[1-9]\\d; consent=yes; sid=\\[REDACTED]");
    assertThat(scrubbed.request().body().toUtf8())
        .contains("\"dateOfBirth\":\"[REDACTED]\"", "\"giftMessage\":\"[REDACTED]\"", "\"card\":\"[REDACTED]\"")
        .doesNotContain("cvv", "Alice Smith", "Main St", "02139");
    assertThat(scrubbed.scrubRulesFired()).contains("customer-id", "header:x-debug-*", "query:email",
        "query:session", "cookie:cart_id", "cookie:*", "json:$.customer.name", "json:$..cvv", "detector:card");
    assertThat(PiiScanner.scan(scrubbed)).isEmpty();
  }
}
