package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code stubs.json}, the index of a stubs directory: where the stubs came from and, per dependency
 * and endpoint, what was made and which latency model each endpoint got and why.
 *
 * <pre>
 * stubs/stubs.json
 * stubs/payments/mappings/0001-get-v1-charges-ch_1.json   WireMock's own format
 * stubs/ledger/mappings/…
 * </pre>
 *
 * @param version the index's format version, {@link #VERSION}
 * @param captures the captures the stubs were made from, in the order given
 * @param latency the latency mode asked for
 * @param dependencies one entry per dependency, sorted by name
 */
public record StubIndex(int version, List<SourceCapture> captures, LatencyMode latency,
    List<DependencyStubs> dependencies) {
  /**
   * 2: a request answered differently over time is one stub serving its responses in order
   * ({@code metadata.replaytwin.nextResponses}); 1 stepped through WireMock scenarios.
   */
  public static final int VERSION = 2;
  public static final String FILE_NAME = "stubs.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  public StubIndex {
    captures = List.copyOf(requireNonNull(captures, "captures"));
    requireNonNull(latency, "latency");
    dependencies = List.copyOf(requireNonNull(dependencies, "dependencies"));
  }

  /** A capture the stubs were made from: its file name and the digest of its bytes. */
  public record SourceCapture(String file, String digest, long outboundExchanges) {
    public SourceCapture {
      requireNonNull(file, "file");
      requireNonNull(digest, "digest");
    }
  }

  /**
   * The stubs of one dependency, in {@code <name>/mappings/}.
   *
   * @param exchanges outbound exchanges with a response the stubs were made from
   * @param withoutResponse outbound exchanges left out because no response arrived
   * @param mappings mapping files written
   * @param scenarios sequence stubs among them (repeated requests answered differently over time),
   *     named after the WireMock scenarios they replace
   * @param droppedSteps responses left out of sequences past {@link StubOptions#maxScenarioSteps()}
   */
  public record DependencyStubs(String name, long exchanges, long withoutResponse, int mappings, int scenarios,
      long droppedSteps, List<EndpointStubs> endpoints) {
    public DependencyStubs {
      requireNonNull(name, "name");
      endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
    }

    /** The endpoint named {@code endpoint} ({@code GET /v1/charges/{id}}), if any. */
    public Optional<EndpointStubs> endpoint(String endpoint) {
      return endpoints.stream().filter(e -> e.endpoint().equals(endpoint)).findFirst();
    }
  }

  /**
   * The stubs of one endpoint (route template) of a dependency.
   *
   * @param paths distinct paths captured for it, each stubbed exactly
   * @param matchedFields request fields the stubs match on ({@code query:expand},
   *     {@code json:$.amount}, {@code form:currency}, {@code body}), sorted
   * @param ignoredFields fields that vary but are not matched, and why
   * @param latency the delay its stubs are served with
   */
  public record EndpointStubs(String endpoint, long exchanges, int paths, int mappings, int scenarios,
      List<String> matchedFields, List<IgnoredField> ignoredFields, LatencyModel latency) {
    public EndpointStubs {
      requireNonNull(endpoint, "endpoint");
      matchedFields = List.copyOf(requireNonNull(matchedFields, "matchedFields"));
      ignoredFields = List.copyOf(requireNonNull(ignoredFields, "ignoredFields"));
      requireNonNull(latency, "latency");
    }
  }

  /** A request field that varies but is not matched, and why. */
  public record IgnoredField(String field, String reason) {
    public IgnoredField {
      requireNonNull(field, "field");
      requireNonNull(reason, "reason");
    }
  }

  /** The dependency named {@code name}, if any. */
  public Optional<DependencyStubs> dependency(String name) {
    return dependencies.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Writes {@code dir/stubs.json}, pretty-printed with {@code \n} line ends whatever the platform. */
  public void write(Path dir) throws IOException {
    Files.writeString(dir.resolve(FILE_NAME), PRETTY.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code dir/stubs.json}.
   *
   * @throws StubsException when it is missing, not an index, or of a later version
   */
  public static StubIndex read(Path dir) throws IOException, StubsException {
    Path file = dir.resolve(FILE_NAME);
    StubIndex index;
    try {
      index = JSON.readValue(Files.readAllBytes(file), StubIndex.class);
    } catch (NoSuchFileException e) {
      throw new StubsException(dir + ": not a stubs directory (no " + FILE_NAME
          + "; make one with twin stubs --capture FILE --out DIR)", e);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      int nl = why.indexOf('\n');
      throw new StubsException(file + ": not a stubs index (" + (nl < 0 ? why : why.substring(0, nl)) + ")", e);
    }
    if (index.version() == 1) {
      throw new StubsException(file + ": version 1 (expected: " + VERSION + "); its repeated requests step through"
          + " WireMock scenarios, which answer concurrent calls with no stub: make the stubs again with twin stubs");
    }
    if (index.version() != VERSION) {
      throw new StubsException(file + ": version " + index.version() + " (expected: " + VERSION
          + "; made by another twin version, make the stubs again)");
    }
    return index;
  }
}
