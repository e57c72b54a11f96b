package dev.replaytwin.deploy.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Three polls of one charge answered pending, pending, paid; two POSTs per amount; a binary download. */
  static Egress payments() {
    Egress e = new Egress()
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"pending\"}", 20)
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"pending\"}", 22)
        .call("payments", "GET", "/v1/charges/1001", "", 200, "{\"status\":\"paid\"}", 18);
    for (int i = 0; i < 4; i++) {
      int amount = i % 2 == 0 ? 100 : 250;
      e.call("payments", "POST", "/v1/charges", "{\"amount\":" + amount + ",\"idempotencyKey\":\"k-" + i + "\"}",
          201, "{\"id\":\"ch_" + amount + "\"}", 30);
    }
    e.add("ledger", new HttpRequest("GET", "/export?day=1", "HTTP/1.1", Headers.EMPTY, Body.EMPTY),
        new HttpResponse(200, Headers.of("Content-Type", "application/octet-stream", "Transfer-Encoding", "chunked",
            "Date", "Fri, 21 Nov 2025 00:00:00 GMT"), Body.of(new byte[] {(byte) 0xff, 0, 1})), 5);
    return e;
  }

  private static Map<String, JsonNode> mappings(Path stubs, String dependency) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(stubs.resolve(dependency).resolve("mappings"))) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    }
    return out;
  }

  @Test
  void repeatedRequestsAnsweredDifferentlyAreOneStubWithTheRestOfTheirResponsesInOrder() throws Exception {
    Path stubs = dir.resolve("stubs");
    StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))), stubs, StubOptions.DEFAULTS);
    Map<String, JsonNode> all = mappings(stubs, "payments");
    List<String> names = all.keySet().stream().filter(n -> n.contains("get-v1-charges-1001")).toList();
    assertThat(names).containsExactly("0001-get-v1-charges-1001-sequence.json");
    JsonNode poll = all.get(names.get(0));
    // No WireMock scenario: a request racing a state change would match no stub.
    assertThat(poll.has("scenarioName")).isFalse();
    assertThat(poll.has("requiredScenarioState")).isFalse();
    assertThat(poll.path("response").path("body").asText()).isEqualTo("{\"status\":\"pending\"}");
    JsonNode next = poll.path("metadata").path("replaytwin").path("nextResponses");
    assertThat(next).extracting(r -> r.path("body").asText())
        .containsExactly("{\"status\":\"pending\"}", "{\"status\":\"paid\"}");
    assertThat(next).allSatisfy(r -> {
      assertThat(r.path("status").asInt()).isEqualTo(200);
      assertThat(r.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    });
    assertThat(poll.path("metadata").path("replaytwin").path("endpoint").asText()).isEqualTo("GET /v1/charges/{id}");
  }

  @Test
  void aSequenceKeepsAtMostMaxStepsResponsesAndCountsTheRest() throws Exception {
    Path stubs = dir.resolve("stubs");
    StubIndex index = StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))), stubs,
        new StubOptions(Set.of(), LatencyMode.FIT, 2));
    JsonNode poll = mappings(stubs, "payments").get("0001-get-v1-charges-1001-sequence.json");
    assertThat(poll.path("metadata").path("replaytwin").path("nextResponses")).hasSize(1);
    assertThat(index.dependency("payments").orElseThrow().droppedSteps()).isEqualTo(1);
  }

  @Test
  void anIndexOfVersion1IsRefusedWithWhatToDo() throws Exception {
    Path stubs = dir.resolve("stubs");
    StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))), stubs, StubOptions.DEFAULTS);
    Path file = stubs.resolve(StubIndex.FILE_NAME);
    Files.writeString(file, Files.readString(file).replace("\"version\" : 2", "\"version\" : 1"));
    assertThatThrownBy(() -> StubIndex.read(stubs)).isInstanceOf(StubsException.class)
        .hasMessage(file + ": version 1 (expected: 2); its repeated requests step through WireMock scenarios,"
            + " which answer concurrent calls with no stub: make the stubs again with twin stubs");
  }

  @Test
  void postsAreMatchedOnTheFieldsThatRepeatNotOnTheOnesNewEveryTime() throws Exception {
    Path stubs = dir.resolve("stubs");
    StubIndex index = StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))), stubs,
        StubOptions.DEFAULTS);
    List<JsonNode> posts = mappings(stubs, "payments").entrySet().stream()
        .filter(m -> m.getKey().contains("post-v1-charges")).map(Map.Entry::getValue).toList();
    assertThat(posts).extracting(m -> m.path("request").path("bodyPatterns").toString()).containsExactly(
        "[{\"matchesJsonPath\":{\"expression\":\"$.amount\",\"equalToJson\":\"100\"}}]",
        "[{\"matchesJsonPath\":{\"expression\":\"$.amount\",\"equalToJson\":\"250\"}}]",
        "");
    assertThat(posts.get(2).path("priority").asInt()).isGreaterThan(posts.get(0).path("priority").asInt());
    StubIndex.EndpointStubs post = index.dependency("payments").orElseThrow().endpoint("POST /v1/charges").orElseThrow();
    assertThat(post.matchedFields()).containsExactly("json:$.amount");
    assertThat(post.ignoredFields()).extracting(StubIndex.IgnoredField::field).containsExactly("json:$.idempotencyKey");
  }

  @Test
  void responsesKeepTheirHeadersButNotTheFramingAndBinaryBodiesAreBase64() throws Exception {
    Path stubs = dir.resolve("stubs");
    StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))), stubs, StubOptions.DEFAULTS);
    JsonNode get = mappings(stubs, "payments").values().iterator().next().path("response");
    assertThat(get.path("headers").fieldNames()).toIterable().containsExactly("Content-Type", "X-Request-Id");
    JsonNode export = mappings(stubs, "ledger").values().iterator().next();
    assertThat(export.path("response").path("base64Body").asText()).isEqualTo("/wAB");
    assertThat(export.path("response").path("headers").fieldNames()).toIterable().containsExactly("Content-Type");
    assertThat(export.path("request").path("urlPath").asText()).isEqualTo("/export");
    assertThat(export.path("response").path("delayDistribution").path("type").asText()).isEqualTo("lognormal");
  }

  @Test
  void theSameCaptureGivesTheSameBytes() throws Exception {
    Path capture = payments().write(dir.resolve("egress.twcap"));
    StubGenerator.generate(List.of(capture), dir.resolve("a"), StubOptions.DEFAULTS);
    StubGenerator.generate(List.of(capture), dir.resolve("b"), StubOptions.DEFAULTS);
    List<Path> a = files(dir.resolve("a"));
    assertThat(a).hasSizeGreaterThan(5);
    assertThat(a).isEqualTo(files(dir.resolve("b")));
    for (Path rel : a) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(rel))).as(rel.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(rel)));
    }
    assertThat(Files.readString(dir.resolve("a/stubs.json"))).doesNotContain("\r").contains("\"digest\" : \"sha256:");
  }

  @Test
  void theIndexCountsWhatWasMadePerDependencyAndEndpoint() throws Exception {
    StubIndex index = StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))),
        dir.resolve("stubs"), StubOptions.DEFAULTS);
    assertThat(StubIndex.read(dir.resolve("stubs"))).isEqualTo(index);
    assertThat(index.dependencies()).extracting(StubIndex.DependencyStubs::name).containsExactly("ledger", "payments");
    StubIndex.DependencyStubs payments = index.dependency("payments").orElseThrow();
    assertThat(payments.exchanges()).isEqualTo(7);
    assertThat(payments.mappings()).isEqualTo(4);
    assertThat(payments.scenarios()).isEqualTo(1);
    assertThat(payments.endpoints()).extracting(StubIndex.EndpointStubs::endpoint)
        .containsExactly("GET /v1/charges/{id}", "POST /v1/charges");
    assertThat(index.captures()).singleElement().satisfies(c -> {
      assertThat(c.file()).isEqualTo("egress.twcap");
      assertThat(c.outboundExchanges()).isEqualTo(8);
    });
  }

  @Test
  void onlyTheDependenciesAskedForAreStubbed() throws Exception {
    StubIndex index = StubGenerator.generate(List.of(payments().write(dir.resolve("egress.twcap"))),
        dir.resolve("stubs"), StubOptions.DEFAULTS.withDependencies(Set.of("ledger")));
    assertThat(index.dependencies()).extracting(StubIndex.DependencyStubs::name).containsExactly("ledger");
    assertThat(dir.resolve("stubs/payments")).doesNotExist();
  }

  @Test
  void refusesCapturesWithoutOutboundExchangesAnUnknownDependencyAndAFullOutputDirectory() throws Exception {
    Path inboundOnly = new Egress().inbound("GET", "/a", "").write(dir.resolve("in.twcap"));
    assertThatThrownBy(() -> StubGenerator.generate(List.of(inboundOnly), dir.resolve("s1"), StubOptions.DEFAULTS))
        .isInstanceOf(StubsException.class)
        .hasMessageStartingWith(inboundOnly + ": no OUTBOUND exchanges (1 inbound)");
    Path egress = payments().write(dir.resolve("egress.twcap"));
    assertThatThrownBy(() -> StubGenerator.generate(List.of(egress), dir.resolve("s2"),
        StubOptions.DEFAULTS.withDependencies(Set.of("billing"))))
        .hasMessage("--dependency billing: not in " + egress + " (it has: ledger, payments)");
    Files.createDirectories(dir.resolve("full"));
    Files.writeString(dir.resolve("full/x"), "x");
    assertThatThrownBy(() -> StubGenerator.generate(List.of(egress), dir.resolve("full"), StubOptions.DEFAULTS))
        .hasMessageContaining("full: not empty");
  }

  private static List<Path> files(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(out::add);
    }
    return out;
  }
}
