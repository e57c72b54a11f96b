package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.endpoint.EndpointNamer;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.deploy.stubs.StubIndex.DependencyStubs;
import dev.replaytwin.deploy.stubs.StubIndex.EndpointStubs;
import dev.replaytwin.deploy.stubs.StubIndex.IgnoredField;
import dev.replaytwin.deploy.stubs.internal.CaptureScan;
import dev.replaytwin.deploy.stubs.internal.FieldAnalysis;
import dev.replaytwin.deploy.stubs.internal.LatencyFitter;
import dev.replaytwin.deploy.stubs.internal.MappingFactory;
import dev.replaytwin.deploy.stubs.internal.MappingFactory.Group;
import dev.replaytwin.deploy.stubs.internal.MappingFiles;
import dev.replaytwin.deploy.stubs.internal.RequestFields;
import dev.replaytwin.deploy.stubs.internal.ResponseStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Makes WireMock stubs of a service's dependencies from the OUTBOUND exchanges of captures (the
 * capture proxy's egress listener records them): per dependency a directory of mappings in
 * WireMock's own JSON format, and {@code stubs.json}, the index. The same captures always give the
 * same bytes.
 *
 * <pre>{@code
 * StubIndex index = StubGenerator.generate(List.of(Path.of("egress.twcap")), Path.of("stubs"), StubOptions.DEFAULTS);
 * // stubs/stubs.json, stubs/payments/mappings/0001-get-v1-charges-ch_1.json, …
 * }</pre>
 *
 * <p>Stubs match method and exact path, and the query parameters and body fields that tell the
 * captured requests apart ({@code docs/stubs.md} gives the rules). Values are kept byte for byte:
 * captures are scrubbed with keyed pseudonyms before they are written, so a value in a call to a
 * dependency equals the same value in the inbound request the replayer sends, and the replayed
 * call matches.
 */
public final class StubGenerator {
  private StubGenerator() {}

  /**
   * Reads {@code captures} and writes the stubs into {@code out}, which must be missing or empty.
   *
   * @throws StubsException when {@code out} is not empty, the captures hold no outbound exchanges
   *     (of the dependencies asked for), or a dependency's name cannot name a directory
   * @throws java.nio.file.NoSuchFileException when a capture does not exist
   */
  public static StubIndex generate(List<Path> captures, Path out, StubOptions options)
      throws IOException, StubsException {
    requireNonNull(captures, "captures");
    requireNonNull(out, "out");
    requireNonNull(options, "options");
    if (captures.isEmpty()) {
      throw new IllegalArgumentException("captures: [] (expected: at least one capture)");
    }
    requireEmpty(out);
    CaptureScan.Outbound scan = CaptureScan.read(captures, options.dependencies());
    check(captures, options, scan);

    Map<String, Map<String, Group>> byDependency = groups(scan.exchanges());
    Map<Group, List<Map<String, String>>> fields = new LinkedHashMap<>();
    Set<String> candidates = new HashSet<>();
    for (Map<String, Group> groups : byDependency.values()) {
      for (Group g : groups.values()) {
        List<HttpRequest> requests = g.exchanges().stream().map(Exchange::request).toList();
        RequestFields.BodyMode mode = RequestFields.BodyMode.of(requests);
        List<Map<String, String>> f = requests.stream().map(r -> RequestFields.of(r, mode)).toList();
        fields.put(g, f);
        candidates.addAll(FieldAnalysis.candidates(f));
      }
    }
    Set<String> inputs = CaptureScan.inputsAmong(captures, scan.exchanges(), candidates);

    Files.createDirectories(out);
    List<DependencyStubs> dependencies = new ArrayList<>();
    // A dependency whose calls all went unanswered still gets a simulator: the twin calls it.
    Set<String> names = new TreeSet<>(byDependency.keySet());
    names.addAll(scan.withoutResponse().keySet());
    for (String name : names) {
      dependencies.add(dependency(name, byDependency.getOrDefault(name, Map.of()).values(), fields, inputs, scan,
          options, out));
    }
    StubIndex index = new StubIndex(StubIndex.VERSION, scan.sources(), options.latency(), dependencies);
    index.write(out);
    return index;
  }

  private static DependencyStubs dependency(String name, Iterable<Group> groups,
      Map<Group, List<Map<String, String>>> fields, Set<String> inputs, CaptureScan.Outbound scan,
      StubOptions options, Path out) throws IOException {
    Map<String, List<Group>> byEndpoint = new TreeMap<>();
    groups.forEach(g -> byEndpoint.computeIfAbsent(g.endpoint(), k -> new ArrayList<>()).add(g));
    MappingFiles files = MappingFiles.create(out.resolve(name), name);
    List<EndpointStubs> endpoints = new ArrayList<>();
    long exchanges = 0;
    int scenarios = 0;
    long dropped = 0;
    for (Map.Entry<String, List<Group>> e : byEndpoint.entrySet()) {
      List<Group> endpointGroups = e.getValue();
      LatencyModel latency = LatencyFitter.fit(latencies(endpointGroups), options.latency());
      Set<String> matched = new TreeSet<>();
      Map<String, String> ignored = new TreeMap<>();
      int mappings = 0;
      int endpointScenarios = 0;
      long endpointExchanges = 0;
      for (Group g : endpointGroups) {
        List<Map<String, String>> f = fields.get(g);
        boolean responsesDiffer = g.exchanges().stream()
            .map(x -> ResponseStubs.Identity.of(x.response())).distinct().count() > 1;
        FieldAnalysis analysis = FieldAnalysis.of(f, responsesDiffer, (field, value) -> inputs.contains(value));
        matched.addAll(analysis.matched());
        analysis.ignored().forEach(i -> ignored.putIfAbsent(i.field(), i.reason()));
        MappingFactory.Made made = MappingFactory.build(g, f, analysis, latency, options.maxScenarioSteps());
        for (MappingFactory.Named m : made.mappings()) {
          files.write(g.method(), g.path(), m);
        }
        mappings += made.mappings().size();
        endpointScenarios += made.scenarios();
        dropped += made.droppedSteps();
        endpointExchanges += g.exchanges().size();
      }
      // A field matched on one path and ignored on another is listed as matched only.
      matched.forEach(ignored::remove);
      endpoints.add(new EndpointStubs(e.getKey(), endpointExchanges, endpointGroups.size(), mappings,
          endpointScenarios, List.copyOf(matched),
          ignored.entrySet().stream().map(i -> new IgnoredField(i.getKey(), i.getValue())).toList(), latency));
      exchanges += endpointExchanges;
      scenarios += endpointScenarios;
    }
    return new DependencyStubs(name, exchanges, scan.withoutResponse().getOrDefault(name, 0L), files.count(),
        scenarios, dropped, endpoints);
  }

  /** Dependency → "path method" → the group, both sorted; exchanges stay in captured order. */
  private static Map<String, Map<String, Group>> groups(List<Exchange> exchanges) {
    Map<String, Map<String, List<Exchange>>> raw = new TreeMap<>();
    for (Exchange e : exchanges) {
      String method = e.request().method();
      raw.computeIfAbsent(e.dependency(), k -> new TreeMap<>())
          .computeIfAbsent(e.request().path() + " " + method, k -> new ArrayList<>()).add(e);
    }
    EndpointNamer namer = EndpointNamer.defaults();
    Map<String, Map<String, Group>> out = new TreeMap<>();
    raw.forEach((dep, byPath) -> byPath.forEach((key, list) -> {
      HttpRequest first = list.get(0).request();
      out.computeIfAbsent(dep, k -> new LinkedHashMap<>()).put(key, new Group(dep, first.method(), first.path(),
          namer.name(first.method(), first.path()), list));
    }));
    return out;
  }

  /**
   * The captured latency of each exchange, in milliseconds: request start to the dependency's first
   * response byte, or to the response's end when the first byte was not recorded.
   */
  private static double[] latencies(List<Group> groups) {
    return groups.stream().flatMap(g -> g.exchanges().stream()).mapToDouble(e -> {
      Timings t = e.timings();
      if (t.requestStartNanos() == Timings.NOT_RECORDED) {
        return -1;
      }
      long end = t.hasUpstreamFirstByte() ? t.upstreamFirstByteNanos() : t.responseEndNanos();
      return end == Timings.NOT_RECORDED ? -1 : (end - t.requestStartNanos()) / 1e6;
    }).filter(ms -> ms >= 0).toArray();
  }

  private static void check(List<Path> captures, StubOptions options, CaptureScan.Outbound scan)
      throws StubsException {
    String what = captures.size() == 1 ? captures.get(0).toString() : captures.size() + " captures";
    if (scan.dependenciesSeen().isEmpty()) {
      throw new StubsException(what + ": no OUTBOUND exchanges (" + scan.inbound() + " inbound); stubs are made"
          + " from calls to dependencies: capture with the proxy's --egress listener (docs/capture-proxy.md)");
    }
    Set<String> unknown = new TreeSet<>(options.dependencies());
    unknown.removeAll(scan.dependenciesSeen());
    if (!unknown.isEmpty()) {
      throw new StubsException("--dependency " + String.join(", ", unknown) + ": not in " + what
          + " (it has: " + String.join(", ", scan.dependenciesSeen()) + ")");
    }
    for (String dep : scan.dependenciesSeen()) {
      if (!RunDirectory.isValidTargetName(dep)) {
        throw new StubsException("dependency \"" + dep + "\": cannot name a directory (expected: letters,"
            + " digits, '.', '_' or '-'); pick such names for the proxy's --route");
      }
    }
    if (scan.exchanges().isEmpty()) {
      throw new StubsException(what + ": no OUTBOUND exchange with a response"
          + (options.dependencies().isEmpty() ? "" : " to " + String.join(", ", options.dependencies()))
          + "; nothing to stub");
    }
  }

  private static void requireEmpty(Path out) throws IOException, StubsException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new StubsException(out + ": not empty (expected: a new or empty directory; remove it or pick another)");
        }
      }
    } else if (Files.exists(out)) {
      throw new StubsException(out + ": is a file (expected: a new or empty directory)");
    }
  }
}
