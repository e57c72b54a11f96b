package dev.replaytwin.core.scrub;

import static dev.replaytwin.core.scrub.TestMessages.KEY;
import static dev.replaytwin.core.scrub.TestMessages.exchange;
import static dev.replaytwin.core.scrub.TestMessages.get;
import static dev.replaytwin.core.scrub.TestMessages.ok;
import static dev.replaytwin.core.scrub.TestMessages.post;
import static dev.replaytwin.core.scrub.TestMessages.scrubber;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubberTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Scrubber defaults = Scrubber.create(ScrubPolicy.defaults(), KEY);

  @Test
  void defaultsRedactCredentialHeadersAndCookieValues() {
    Exchange e = exchange(get("/", "Authorization", "Basic dXNlcjpwYXNz", "Proxy-Authorization", "Basic cHJveHk6cHc=",
        "X-Api-Key", "k-123", "Api-Key", "k-456", "X-Auth-Token", "t-1", "X-CSRF-Token", "t-2",
        "X-Client-Secret", "s-1", "X-My-Api-Key-2", "k-789", "Cookie", "sid=abc123; theme=dark", "Accept", "text/html"),
        ok(Body.EMPTY, "Set-Cookie", "sid=zzz; Path=/; HttpOnly"));

    Exchange scrubbed = defaults.scrub(e);

    Headers h = scrubbed.request().headers();
    for (String name : List.of("Authorization", "Proxy-Authorization", "X-Api-Key", "Api-Key", "X-Auth-Token",
        "X-CSRF-Token", "X-Client-Secret", "X-My-Api-Key-2")) {
      assertThat(h.first(name)).as(name).contains("[REDACTED]");
    }
    assertThat(h.first("Cookie")).contains("sid=[REDACTED]; theme=[REDACTED]");
    assertThat(h.first("Accept")).contains("text/html");
    assertThat(scrubbed.response().headers().first("Set-Cookie")).contains("sid=[REDACTED]; Path=/; HttpOnly");
    assertThat(scrubbed.scrubRulesFired()).containsExactlyInAnyOrder("header:authorization",
        "header:proxy-authorization", "header:x-api-key", "header:api-key", "header:x-auth-token", "header:*-token",
        "header:*-secret", "header:*api-key*", "cookie:*");
  }

  @Test
  void detectorsPseudonymiseQueryValuesPathSegmentsAndHeadersKeepingTheirShape() {
    Exchange e = exchange(get("/users/alice@example.com/orders?email=bob%40example.org&page=2&token=t0k3n",
        "X-Forwarded-For", "203.0.113.7, 10.1.2.3", "User-Agent", "Mozilla/5.0 Chrome/120.0.0.0"), null);

    Exchange scrubbed = defaults.scrub(e);

    String target = scrubbed.request().target();
    assertThat(target).matches("/users/[a-z]{5}@[a-z]{7}\\.invalid/orders\\?email=[a-z]{3}%40[a-z]{7}\\.invalid"
        + "&page=2&token=%5BREDACTED%5D");
    assertThat(scrubbed.request().headers().first("X-Forwarded-For").orElseThrow())
        .matches("2[45]\\d\\.\\d+\\.\\d+\\.\\d+, 2[45]\\d\\.\\d+\\.\\d+\\.\\d+");
    assertThat(scrubbed.request().headers().first("User-Agent")).contains("Mozilla/5.0 Chrome/120.0.0.0");
    assertThat(scrubbed.scrubRulesFired()).containsExactly("detector:email", "query:*token", "detector:ipv4");
  }

  @Test
  void eachActionDoesWhatItSaysAndKeepAlsoStopsDetectors() throws Exception {
    Scrubber scrubber = scrubber("""
        redactMarker: "<gone>"
        headers:
          - header: X-Drop-Me
            action: drop
          - header: X-Customer
            action: pseudonymise
          - header: X-Trace-Email
            action: keep
        query:
          - param: session
            action: drop
        cookies:
          - cookie: theme
            action: keep
        json:
          - path: $.user.email
            action: pseudonymise
          - path: $.items[*].card
            action: redact
          - path: $..password
            action: drop
          - path: $.note
            action: keep
        """);
    String body = "{\"user\":{\"email\":\"alice@example.com\",\"password\":\"hunter2\",\"profile\":{\"password\":\"x\"}},"
        + "\"items\":[{\"card\":\"4111111111111111\",\"qty\":1},{\"card\":\"5555555555554444\"}],"
        + "\"note\":\"call bob@example.com\"}";
    Exchange e = exchange(post("/checkout?session=abc&q=shoes", Body.ofUtf8(body), "X-Drop-Me", "1",
        "X-Customer", "Alice Smith", "X-Trace-Email", "trace@example.com", "Cookie", "theme=dark; sid=xyz",
        "Content-Type", "application/json"), null);

    Exchange scrubbed = scrubber.scrub(e);

    HttpRequest request = scrubbed.request();
    assertThat(request.headers().first("X-Drop-Me")).isEmpty();
    assertThat(request.headers().first("X-Customer").orElseThrow()).matches("[A-Z][a-z]{4} [A-Z][a-z]{4}")
        .isNotEqualTo("Alice Smith");
    assertThat(request.headers().first("X-Trace-Email")).contains("trace@example.com");
    assertThat(request.headers().first("Cookie")).contains("theme=dark; sid=<gone>");
    assertThat(request.target()).isEqualTo("/checkout?q=shoes");
    JsonNode json = JSON.readTree(request.body().toUtf8());
    assertThat(json.at("/user/email").asText()).endsWith(".invalid");
    assertThat(json.at("/user").has("password")).isFalse();
    assertThat(json.at("/user/profile").has("password")).isFalse();
    assertThat(json.at("/items/0/card").asText()).isEqualTo("<gone>");
    assertThat(json.at("/items/1/card").asText()).isEqualTo("<gone>");
    assertThat(json.at("/items/0/qty").asInt()).isEqualTo(1);
    assertThat(json.at("/note").asText()).isEqualTo("call bob@example.com");
    assertThat(scrubbed.scrubRulesFired()).containsExactlyInAnyOrder("header:x-drop-me", "header:x-customer",
        "query:session", "cookie:*", "json:$.user.email", "json:$.items[*].card", "json:$..password");
  }

  @Test
  void userGivenRuleNamesAreReported() {
    Scrubber scrubber = scrubber("""
        headers:
          - header: X-Customer-Id
            action: pseudonymise
            name: customer-id
        """);

    Exchange scrubbed = scrubber.scrub(exchange(get("/", "X-Customer-Id", "C-0042-AB"), null));

    assertThat(scrubbed.scrubRulesFired()).containsExactly("customer-id");
    assertThat(scrubbed.request().headers().first("X-Customer-Id").orElseThrow()).matches("[A-Z]-0\\d{3}-[A-Z]{2}");
    assertThat(scrubber.ruleHits()).containsEntry("customer-id", 1L);
  }

  @Test
  void pseudonymisedJsonSubtreesKeepTheirTypes() throws Exception {
    Scrubber scrubber = scrubber("json:\n  - path: $.account\n    action: pseudonymise\n");
    String body = "{\"account\":{\"id\":12345,\"balance\":12.50,\"active\":true,\"owner\":null,\"tags\":[\"vip\"]},\"n\":7}";

    Exchange scrubbed = scrubber.scrub(exchange(post("/", Body.ofUtf8(body), "Content-Type", "application/json"), null));

    String text = scrubbed.request().body().toUtf8();
    assertThat(text).matches("\\{\"account\":\\{\"id\":[1-9]\\d{4},\"balance\":[1-9]\\d\\.\\d\\d,\"active\":true,"
        + "\"owner\":null,\"tags\":\\[\"[a-z]{3}\"]},\"n\":7}");
    assertThat(text).isNotEqualTo(body);
  }

  @Test
  void anExchangeNothingChangesIsReturnedAsItIsWithItsBytes() {
    String pretty = "{\n  \"sku\": \"ALD-BLE-90766\",\n  \"price\": 19.90,\n  \"at\": \"2026-11-21T10:00:00Z\"\n}\n";
    Exchange e = exchange(post("/items/42?expand=all", Body.ofUtf8(pretty), "Content-Type", "application/json",
        "Content-Length", "80"), ok(Body.ofUtf8("ok"), "Content-Type", "text/plain"));

    assertThat(defaults.scrub(e)).isSameAs(e);
  }

  @Test
  void aChangedBodyGetsAMatchingContentLength() {
    Body body = Body.ofUtf8("{\"password\":\"hunter2\",\"user\":\"x\"}");
    Exchange e = exchange(post("/login", body, "Content-Type", "application/json; charset=utf-8",
        "Content-Length", Integer.toString(body.length())), null);

    Exchange scrubbed = defaults.scrub(e);

    assertThat(scrubbed.request().body().toUtf8()).isEqualTo("{\"password\":\"[REDACTED]\",\"user\":\"x\"}");
    assertThat(scrubbed.request().headers().first("Content-Length"))
        .contains(Integer.toString(scrubbed.request().body().length()));
  }

  @Test
  void aTruncatedJsonBodyIsScrubbedAsTextWithItsMemberRulesStillApplied() {
    String prefix = "{\"user\":{\"password\":\"hunter2\",\"email\":\"alice@example.com\",\"name\":\"Al";
    Body truncated = Body.truncated(prefix.getBytes(StandardCharsets.UTF_8), 4096);

    Exchange scrubbed = defaults.scrub(exchange(post("/", truncated, "Content-Type", "application/json"), null));

    Body body = scrubbed.request().body();
    assertThat(body.isTruncated()).isTrue();
    assertThat(body.toUtf8()).startsWith("{\"user\":{\"password\":\"[REDACTED]\",\"email\":\"")
        .doesNotContain("hunter2", "alice@example.com").contains(".invalid\",\"name\":\"Al");
    assertThat(body.originalLength()).isEqualTo(4096 + body.length() - prefix.length());
  }

  @Test
  void formBodiesAreScrubbedFieldByField() {
    String form = "username=alice&password=hunter2&email=alice%40example.com&remember=on";

    Exchange scrubbed = defaults.scrub(exchange(post("/login", Body.ofUtf8(form),
        "Content-Type", "application/x-www-form-urlencoded"), null));

    assertThat(scrubbed.request().body().toUtf8())
        .matches("username=alice&password=%5BREDACTED%5D&email=[a-z]{5}%40[a-z]{7}\\.invalid&remember=on");
    assertThat(scrubbed.scrubRulesFired()).containsExactly("form:*password*", "detector:email");
  }

  @Test
  void gzipAndDeflateBodiesAreStoredDecodedWithoutTheirContentEncoding() {
    String json = "{\"email\":\"alice@example.com\"}";
    for (Body encoded : List.of(TestMessages.gzip(json), TestMessages.deflate(json))) {
      String coding = encoded.equals(TestMessages.gzip(json)) ? "gzip" : "deflate";
      Exchange e = exchange(get("/"), ok(encoded, "Content-Type", "application/json", "Content-Encoding", coding,
          "Content-Length", Integer.toString(encoded.length())));

      Exchange scrubbed = defaults.scrub(e);

      Body body = scrubbed.response().body();
      assertThat(body.toUtf8()).matches("\\{\"email\":\"[a-z]{5}@[a-z]{7}\\.invalid\"}");
      assertThat(scrubbed.response().headers().first("Content-Encoding")).isEmpty();
      assertThat(scrubbed.response().headers().first("Content-Length")).contains(Integer.toString(body.length()));
      assertThat(scrubbed.scrubRulesFired()).containsExactly("body:decoded", "detector:email");
    }
  }

  @Test
  void bodiesInCodingsThatCannotBeDecodedAreDropped() {
    Exchange e = exchange(get("/"), ok(Body.of(new byte[] {1, 2, 3, 4}), "Content-Type", "application/json",
        "Content-Encoding", "br", "Content-Length", "4"));

    Exchange scrubbed = defaults.scrub(e);

    assertThat(scrubbed.response().body().isEmpty()).isTrue();
    assertThat(scrubbed.response().headers().first("Content-Encoding")).isEmpty();
    assertThat(scrubbed.response().headers().first("Content-Length")).contains("0");
    assertThat(scrubbed.scrubRulesFired()).containsExactly("body:undecodable-dropped");
  }

  @Test
  void binaryBodiesAreDroppedUnlessThePolicyKeepsTheirType() {
    Body png = Body.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    Exchange e = exchange(get("/logo.png"), ok(png, "Content-Type", "image/png"));

    Exchange dropped = defaults.scrub(e);
    Exchange kept = scrubber("keepBinary: [image/*]\n").scrub(e);

    assertThat(dropped.response().body().isEmpty()).isTrue();
    assertThat(dropped.scrubRulesFired()).containsExactly("body:binary-dropped");
    assertThat(kept).isSameAs(e);
  }

  @Test
  void bodiesWithoutAContentTypeAreJudgedByTheirBytes() {
    Exchange text = exchange(post("/", Body.ofUtf8("mail alice@example.com")), null);
    Exchange binary = exchange(post("/", Body.of(new byte[] {'a', 0, 'b', (byte) 0xff})), null);

    assertThat(defaults.scrub(text).request().body().toUtf8()).matches("mail [a-z]{5}@[a-z]{7}\\.invalid");
    assertThat(defaults.scrub(binary).request().body().isEmpty()).isTrue();
  }

  @Test
  void userInfoInAnAbsoluteTargetIsRedactedAndUrlHeadersAreScrubbedLikeTargets() {
    Exchange e = exchange(get("http://alice:s3cret@api.example.com/x",
        "Referer", "https://shop.example.com/account?email=alice%40example.com"), null);

    Exchange scrubbed = defaults.scrub(e);

    assertThat(scrubbed.request().target()).isEqualTo("http://%5BREDACTED%5D@api.example.com/x");
    assertThat(scrubbed.request().headers().first("Referer").orElseThrow())
        .matches("https://shop\\.example\\.com/account\\?email=[a-z]{5}%40[a-z]{7}\\.invalid");
    assertThat(scrubbed.scrubRulesFired()).containsExactly("target:userinfo", "detector:email");
  }

  @Test
  void theSameValueGetsTheSamePseudonymEverywhereAndAcrossScrubbersWithTheSameKey() throws Exception {
    Exchange e = exchange(get("/orders?email=alice@example.com"),
        ok(Body.ofUtf8("{\"customer\":\"alice@example.com\"}"), "Content-Type", "application/json"));

    Exchange first = defaults.scrub(e);
    Exchange second = Scrubber.create(ScrubPolicy.defaults(), KEY).scrub(e);
    Exchange otherKey = Scrubber.create(ScrubPolicy.defaults(),
        ScrubKey.of("another key entirely, 16+ bytes".getBytes(StandardCharsets.UTF_8))).scrub(e);

    String inQuery = first.request().target().substring("/orders?email=".length()).replace("%40", "@");
    String inBody = JSON.readTree(first.response().body().toUtf8()).get("customer").asText();
    assertThat(inQuery).isEqualTo(inBody);
    assertThat(second).isEqualTo(first);
    assertThat(otherKey.request().target()).isNotEqualTo(first.request().target());
  }

  @Test
  void ruleHitsCountChangedValuesPerRuleAndStartAtZero() {
    Scrubber scrubber = Scrubber.create(ScrubPolicy.defaults(), KEY);
    assertThat(scrubber.ruleHits()).containsEntry("detector:email", 0L).containsEntry("header:authorization", 0L)
        .containsKeys("cookie:*", "json:$..*password*", "body:binary-dropped");

    scrubber.scrub(exchange(get("/?a=x@example.com&b=y@example.com", "Authorization", "Basic abc"), null));
    scrubber.scrub(exchange(get("/?a=z@example.com"), null));

    assertThat(scrubber.ruleHits()).containsEntry("detector:email", 3L).containsEntry("header:authorization", 1L)
        .containsEntry("detector:phone", 0L);
  }

  @Test
  void scrubbingAScrubbedExchangeAgainChangesNothing() {
    Exchange e = exchange(post("/u/alice@example.com?card=4111111111111111", Body.ofUtf8(
        "{\"phone\":\"+44 20 7946 0958\",\"iban\":\"DE89370400440532013000\",\"ip\":\"2a00:1450:4001:82b::200e\","
            + "\"ssn\":\"123-45-6789\",\"password\":\"x\"}"), "Content-Type", "application/json",
        "Authorization", "Bearer abcdefghijklmnop", "Cookie", "a=b"), null);

    Exchange once = defaults.scrub(e);

    assertThat(defaults.scrub(once)).isSameAs(once);
  }

  @Test
  void rulesAlreadyFiredOnTheExchangeAreKeptFirst() {
    Exchange e = exchange(get("/?email=a@example.com"), null);
    Exchange marked = new Exchange(e.id(), e.captureTimeNanos(), e.direction(), e.dependency(), e.connectionId(),
        e.request(), e.response(), e.timings(), ContextTags.EMPTY, List.of("proxy:sampled"));

    assertThat(defaults.scrub(marked).scrubRulesFired()).containsExactly("proxy:sampled", "detector:email");
  }

  @Test
  void theConnectionIdIsScrubbedForClientAddresses() {
    Exchange e = Exchange.inbound("ex-1", 1, "198.51.100.23:51234", get("/"), null,
        dev.replaytwin.core.Timings.startedAt(1));

    assertThat(defaults.scrub(e).connectionId()).matches("2[45]\\d\\.\\d+\\.\\d+\\.\\d+:51234");
  }
}
