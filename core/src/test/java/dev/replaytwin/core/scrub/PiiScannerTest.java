package dev.replaytwin.core.scrub;

import static dev.replaytwin.core.scrub.TestMessages.KEY;
import static dev.replaytwin.core.scrub.TestMessages.exchange;
import static dev.replaytwin.core.scrub.TestMessages.get;
import static dev.replaytwin.core.scrub.TestMessages.ok;
import static dev.replaytwin.core.scrub.TestMessages.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import org.junit.jupiter.api.Test;

class PiiScannerTest {
  private final Exchange unscrubbed = exchange("ex-7",
      post("/users/alice@example.com?phone=%2B44%2020%207946%200958", Body.ofUtf8(
          "{\"card\":\"4111 1111 1111 1111\",\"nested\":{\"ip\":\"203.0.113.7\"}}"),
          "Content-Type", "application/json", "Cookie", "mail=bob%40example.org"),
      ok(TestMessages.gzip("ssn 123-45-6789"), "Content-Type", "text/plain", "Content-Encoding", "gzip"));

  @Test
  void findsPersonalDataInEveryPlaceWithMaskedExcerpts() {
    assertThat(PiiScanner.scan(unscrubbed)).containsExactly(
        new PiiFinding("detector:email", "request.target", "ex-7", "a***@e***.com"),
        new PiiFinding("detector:phone", "request.target", "ex-7", "+** ** **** **58"),
        new PiiFinding("detector:email", "request.header:Cookie", "ex-7", "b***@e***.org"),
        new PiiFinding("detector:card", "request.body:$.card", "ex-7", "4*** **** **** **11"),
        new PiiFinding("detector:ipv4", "request.body:$.nested.ip", "ex-7", "2**.*.***.7"),
        new PiiFinding("detector:ssn", "response.body", "ex-7", "1**-**-**89"));
  }

  @Test
  void aScrubbedExchangeHasNoFindingsThoughItsPseudonymsKeepTheirFormats() {
    Exchange scrubbed = Scrubber.create(ScrubPolicy.defaults(), KEY).scrub(unscrubbed);

    assertThat(scrubbed.request().target()).contains(".invalid");
    assertThat(PiiScanner.scan(scrubbed)).isEmpty();
  }

  @Test
  void valuesAPolicyKeepsOnPurposeAreReported() {
    Exchange e = exchange(get("/", "X-Support-Email", "help@example.com"), null);
    Scrubber keeping = TestMessages.scrubber("headers:\n  - header: X-Support-Email\n    action: keep\n");

    assertThat(PiiScanner.scan(keeping.scrub(e))).extracting(PiiFinding::location)
        .containsExactly("request.header:X-Support-Email");
  }

  @Test
  void longValuesAreMaskedToABoundedExcerpt() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    assertThat(PiiScanner.scan(exchange(get("/?t=" + jwt), null)))
        .extracting(PiiFinding::maskedExcerpt).containsExactly("e*****…(92 characters)…8U");
  }
}
