package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static dev.replaytwin.cli.TestExchange.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCatJsonTest {
  @TempDir Path dir;

  @Test
  void everyLineIsOneJsonObjectWithEveryField() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), List.of(
        TestExchange.request("POST", "/users?x=1").id("ex-rich").at(T0.plusNanos(123_456_789))
            .requestHeader("Host", "shop").requestHeader("X-B", "2").requestHeader("x-a", "1")
            .requestHeader("X-B", "3")
            .requestBody("{\"name\":\"Zoë\"}")
            .status(201).responseHeader("Content-Type", "image/png")
            .responseBody(Body.truncated(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF}, 5000))
            .tookNanos(7_000_000)
            .context(new ContextTags("shop", "prod", "eu-west-1", "1.4.2", Map.of("team", "checkout")))
            .scrubRules("email", "card")
            .build()));

    CliRun run = twin("capture", "cat", capture.toString(), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(1);
    Map<String, Object> e = JsonValues.parseObject(run.outLines().get(0));
    long t = TestExchange.nanos(T0) + 123_456_789;
    assertThat(e).containsEntry("id", "ex-rich")
        .containsEntry("captureTime", "2026-11-21T10:00:00.123456789Z")
        .containsEntry("captureTimeNanos", t)
        .containsEntry("direction", "INBOUND")
        .containsEntry("dependency", "")
        .containsEntry("connectionId", "conn-1")
        .containsEntry("scrubRulesFired", List.of("email", "card"));
    assertThat(JsonValues.object(e, "request"))
        .containsEntry("method", "POST")
        .containsEntry("target", "/users?x=1")
        .containsEntry("httpVersion", "HTTP/1.1")
        .containsEntry("headers", List.of(List.of("Host", "shop"), List.of("X-B", "2"), List.of("x-a", "1"),
            List.of("X-B", "3")))
        .containsEntry("body", "{\"name\":\"Zoë\"}")
        .containsEntry("truncated", false)
        .containsEntry("originalLength", 15L)
        .doesNotContainKey("bodyBase64");
    Map<String, Object> response = JsonValues.object(e, "response");
    assertThat(response)
        .containsEntry("status", 201L)
        .containsEntry("headers", List.of(List.of("Content-Type", "image/png")))
        .containsEntry("truncated", true)
        .containsEntry("originalLength", 5000L)
        .doesNotContainKey("body");
    assertThat(Base64.getDecoder().decode((String) response.get("bodyBase64")))
        .containsExactly(0x89, 'P', 'N', 'G', 0xFF);
    assertThat(JsonValues.object(e, "timings"))
        .containsEntry("requestStartNanos", t)
        .containsEntry("upstreamFirstByteNanos", t + 3_500_000)
        .containsEntry("responseEndNanos", t + 7_000_000)
        .containsEntry("totalNanos", 7_000_000L);
    assertThat(JsonValues.object(e, "context"))
        .containsEntry("service", "shop")
        .containsEntry("environment", "prod")
        .containsEntry("region", "eu-west-1")
        .containsEntry("releaseVersion", "1.4.2")
        .containsEntry("extra", Map.of("team", "checkout"));
  }

  @Test
  void missingResponseIsNullAndUnrecordedTimesAreNull() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), List.of(
        TestExchange.request("GET", "/slow").id("ex-1").outbound("inventory").noResponse().build()));

    CliRun run = twin("capture", "cat", capture.toString(), "--json");

    Map<String, Object> e = JsonValues.parseObject(run.outLines().get(0));
    assertThat(e).containsEntry("response", null)
        .containsEntry("direction", "OUTBOUND")
        .containsEntry("dependency", "inventory");
    assertThat(JsonValues.object(e, "timings"))
        .containsEntry("upstreamFirstByteNanos", null)
        .containsEntry("responseEndNanos", null)
        .containsEntry("totalNanos", null);
  }

  @Test
  void manyExchangesMakeOneParsableLineEach() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"),
        TestCaptures.options().blockBytes(4096).build(), TestCaptures.numbered(600));

    CliRun run = twin("capture", "cat", capture.toString(), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(600);
    for (int i = 0; i < 600; i += 97) {
      assertThat(JsonValues.parseObject(run.outLines().get(i))).containsEntry("id", String.format("ex-%04d", i));
    }
  }

  @Test
  void jsonHonoursTimeRangeAndLimit() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(100));

    CliRun run = twin("capture", "cat", capture.toString(), "--json", "--from", "+250ms", "--limit", "2");

    assertThat(run.outLines()).extracting(line -> JsonValues.parseObject(line).get("id"))
        .containsExactly("ex-0025", "ex-0026");
  }
}
