package dev.replaytwin.scenario.internal;

import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.GatePolicyException;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.yaml.YamlFields;
import dev.replaytwin.core.yaml.YamlNode;
import dev.replaytwin.core.yaml.YamlTreeReader;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.deploy.stubs.Delay;
import dev.replaytwin.deploy.stubs.Fault;
import dev.replaytwin.replay.CorrelationRule;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.SessionRule;
import dev.replaytwin.scenario.Scenario;
import dev.replaytwin.scenario.ScenarioException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates one scenario file, reporting every problem at once with file, line and field
 * ({@code twins.candidate.process.command: missing}). Paths are resolved against the file's
 * directory, and referenced files (captures, stubs, the gate policy) must exist.
 */
public final class ScenarioReader {
  /**
   * The keys each section allows, by the section's schema path ({@code ""} for the top, {@code twin}
   * for one twin), so the JSON Schema shipped for editors can be checked against the reader.
   */
  public static final Map<String, List<String>> KEYS = Map.ofEntries(
        Map.entry("", List.of("name", "description", "capture", "twins", "dependencies", "replay", "capacity", "gate",
          "report")),
        Map.entry("capture", List.of("file", "from", "to", "include", "exclude", "sample", "session", "correlate")),
        Map.entry("twin", List.of("process", "docker", "external", "health")),
        Map.entry("twin.process", List.of("command", "env", "workingDir", "metrics")),
        Map.entry("twin.docker", List.of("image", "command", "env", "port", "metrics")),
        Map.entry("twin.external", List.of("url", "metrics")),
        Map.entry("twin.health", List.of("path", "timeout", "interval")),
        Map.entry("dependencies", List.of("stubs", "captures", "latency", "proxy", "faults")),
        Map.entry("fault", List.of("dependency", "endpoint", "kind", "rate", "status", "delay", "perSecond", "startAfter",
          "duration")),
        Map.entry("replay", List.of("speed", "rate", "poisson", "seed", "max", "duration", "warmup", "loop", "lagBound")),
        Map.entry("capacity", CapacitySection.KEYS),
        Map.entry("capacity.budget", CapacitySection.BUDGET_KEYS),
        Map.entry("report", List.of("dir", "formats")));
  private static final List<String> TOP = KEYS.get("");
  private static final List<String> DRIVERS = List.of("process", "docker", "external");
  private static final List<String> LATENCY = List.of("fit", "lognormal", "empirical", "none");
  private static final String KINDS = "delay, error, reset, empty, rate-limit, outage";

  private final Path file;
  private final Path dir;
  private final YamlFields f;

  private ScenarioReader(Path file) {
    this.file = file;
    Path parent = file.toAbsolutePath().normalize().getParent();
    this.dir = parent == null ? Path.of(".").toAbsolutePath() : parent;
    this.f = new YamlFields(file.toString());
  }

  /** The scenario in {@code file}, or every problem with it. */
  public static Scenario read(Path file) throws ScenarioException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
    }
    YamlNode root;
    try {
      root = YamlTreeReader.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (YamlTreeReader.SyntaxError e) {
      throw new ScenarioException(List.of(file + ":" + e.line() + ": " + e.getMessage()));
    }
    ScenarioReader reader = new ScenarioReader(file);
    Scenario scenario = reader.scenario(root, Sha256.of(bytes));
    if (reader.f.hasProblems() || scenario == null) {
      throw new ScenarioException(reader.f.problems());
    }
    return scenario;
  }

  private @Nullable Scenario scenario(YamlNode root, String digest) {
    Map<String, YamlNode.Entry> top = f.entries(root, "", TOP);
    String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String name = f.text(top.get("name"), "name", fallbackName);
    String description = f.text(top.get("description"), "description", "");
    Scenario.Capture capture = required(top, "capture", root, "a capture: section with files", this::capture);
    Scenario.Twins twins = required(top, "twins", root, "twins: baseline and candidate", this::twins);
    Scenario.Dependencies deps = top.containsKey("dependencies")
        ? dependencies(top.get("dependencies").value()) : Scenario.Dependencies.NONE;
    Scenario.Replay replay = top.containsKey("replay") ? replay(top.get("replay").value())
        : new Scenario.Replay(new Pacing.Scaled(1), null, Duration.ZERO, false, Duration.ofMillis(1));
    Scenario.Capacity capacity = top.containsKey("capacity")
        ? CapacitySection.read(f, top.get("capacity"), top.get("replay")) : null;
    Scenario.Gate gate = top.containsKey("gate") ? gate(top.get("gate"), digest)
        : new Scenario.Gate(GatePolicy.standard(), null);
    Scenario.Report report = report(top.get("report"), name);
    if (capture == null || twins == null || replay == null || gate == null || report == null || deps == null
        || f.hasProblems()) {
      return null;
    }
    return new Scenario(file, name, description, capture, twins, deps, replay, capacity, gate, report);
  }

  private <T> @Nullable T required(Map<String, YamlNode.Entry> top, String key, YamlNode root, String expected,
      Function<YamlNode.Entry, T> read) {
    YamlNode.Entry e = top.get(key);
    if (e == null) {
      f.missing(root.line(), key, expected);
      return null;
    }
    return read.apply(e);
  }

  private Scenario.@Nullable Capture capture(YamlNode.Entry entry) {
    YamlNode node = entry.value();
    Map<String, YamlNode.Entry> m = f.entries(node, "capture", KEYS.get("capture"));
    Path file = captureFile(m.get("file"), "capture.file");
    if (m.get("file") == null) {
      f.missing(entry.line(), "capture.file", "the capture to replay, e.g. file: shop.twcap (a rotated capture's"
          + " segments are found from its name)");
    }
    TimePoint from = timePoint(m.get("from"), "capture.from");
    TimePoint to = timePoint(m.get("to"), "capture.to");
    double sample = f.number(m.get("sample"), "capture.sample", 1.0, 0, 1.0);
    if (sample == 0) {
      f.problem(m.get("sample").line(), "capture.sample", "0 (expected: the share of sessions to keep, above 0 and"
          + " at most 1, e.g. 0.1)");
    }
    SessionRule session = parsed(m.get("session"), "capture.session", SessionRule::parse);
    List<CorrelationRule> correlate = new ArrayList<>();
    for (String rule : f.texts(m.get("correlate"), "capture.correlate", List.of())) {
      try {
        correlate.add(CorrelationRule.parse(rule));
      } catch (IllegalArgumentException e) {
        f.problem(m.get("correlate").line(), "capture.correlate", e.getMessage());
      }
    }
    if (file == null) {
      return null;
    }
    return new Scenario.Capture(file, from, to, f.texts(m.get("include"), "capture.include", List.of()),
        f.texts(m.get("exclude"), "capture.exclude", List.of()), sample, session, correlate);
  }

  private Scenario.@Nullable Twins twins(YamlNode.Entry entry) {
    YamlNode node = entry.value();
    if (!(node instanceof YamlNode.Mapping mapping)) {
      f.problem(node.line(), "twins", YamlNode.describe(node) + " (expected: a mapping with baseline, candidate"
          + " and optionally baseline2 and driver)");
      return null;
    }
    String driver = null;
    Map<String, Map<String, TwinSpec>> specs = new LinkedHashMap<>();
    for (YamlNode.Entry e : mapping.entries()) {
      if (e.key().equals("driver")) {
        driver = f.text(e, "twins.driver", "process");
        if (!DRIVERS.contains(driver)) {
          f.problem(e.value().line(), "twins.driver", driver + " (expected one of: " + String.join(", ", DRIVERS) + ")");
        }
      } else if (!RunDirectory.isValidTargetName(e.key())) {
        f.problem(e.line(), "twins." + e.key(), "not a twin name (expected: letters, digits, - and _, e.g."
            + " baseline, candidate, baseline2)");
      } else if (specs.containsKey(e.key())) {
        f.problem(e.line(), "twins." + e.key(), "given twice");
      } else {
        specs.put(e.key(), twin(e, "twins." + e.key()));
      }
    }
    for (String needed : List.of("baseline", "candidate")) {
      if (!specs.containsKey(needed)) {
        f.missing(entry.line(), "twins." + needed, "how to start the " + needed + " twin");
      }
    }
    if (driver == null) {
      // Unsaid, the driver is the first (process, docker, external) that every twin can start with.
      driver = DRIVERS.stream().filter(d -> specs.values().stream().allMatch(m -> m.isEmpty() || m.containsKey(d)))
          .findFirst().orElse("process");
    }
    for (Map.Entry<String, Map<String, TwinSpec>> t : specs.entrySet()) {
      if (!t.getValue().isEmpty() && !t.getValue().containsKey(driver)) {
        f.problem(entry.line(), "twins." + t.getKey() + "." + driver, "missing (twins.driver is " + driver
            + "; this twin can start with: " + String.join(", ", t.getValue().keySet()) + ")");
      }
    }
    return new Scenario.Twins(driver, specs);
  }

  private Map<String, TwinSpec> twin(YamlNode.Entry twin, String path) {
    YamlNode node = twin.value();
    Map<String, YamlNode.Entry> m = f.entries(node, path, KEYS.get("twin"));
    TwinSpec.Health health = health(m.get("health"), path + ".health");
    Map<String, TwinSpec> out = new LinkedHashMap<>();
    if (m.containsKey("process")) {
      String at = path + ".process";
      YamlNode.Entry e = m.get("process");
      Map<String, YamlNode.Entry> p = f.entries(e.value(), at, KEYS.get("twin.process"));
      List<String> command = f.texts(p.get("command"), at + ".command", List.of());
      if (!p.containsKey("command")) {
        f.missing(e.line(), at + ".command", "the program and its arguments, e.g. [java, -jar, app.jar,"
            + " --port, \"${port}\"]");
      }
      Path workingDir = p.containsKey("workingDir")
          ? existingDir(p.get("workingDir"), at + ".workingDir") : dir;
      if (!command.isEmpty()) {
        out.put("process", new TwinSpec.Process(command, f.textMap(p.get("env"), at + ".env", Map.of()),
            workingDir, health, f.text(p.get("metrics"), at + ".metrics", "")));
      }
    }
    if (m.containsKey("docker")) {
      String at = path + ".docker";
      YamlNode.Entry e = m.get("docker");
      Map<String, YamlNode.Entry> d = f.entries(e.value(), at, KEYS.get("twin.docker"));
      String image = f.text(d.get("image"), at + ".image", null);
      if (image == null && !d.containsKey("image")) {
        f.missing(e.line(), at + ".image", "an image reference, e.g. shop:1.5");
      }
      long port = f.integer(d.get("port"), at + ".port", 8080, 1, 65535);
      if (image != null) {
        out.put("docker", new TwinSpec.Docker(image, f.texts(d.get("command"), at + ".command", List.of()),
            f.textMap(d.get("env"), at + ".env", Map.of()), (int) port, health, f.text(d.get("metrics"),
            at + ".metrics", "")));
      }
    }
    if (m.containsKey("external")) {
      String at = path + ".external";
      YamlNode.Entry e = m.get("external");
      Map<String, YamlNode.Entry> x = f.entries(e.value(), at, KEYS.get("twin.external"));
      URI url = uri(x.get("url"), at + ".url");
      if (!x.containsKey("url")) {
        f.missing(e.line(), at + ".url", "the twin's base URL, e.g. http://candidate.staging:8080");
      }
      if (url != null) {
        try {
          out.put("external", new TwinSpec.External(url, health, f.text(x.get("metrics"), at + ".metrics", "")));
        } catch (IllegalArgumentException ex) {
          f.problem(x.get("url").value().line(), at + ".url", ex.getMessage());
        }
      }
    }
    if (!m.containsKey("process") && !m.containsKey("docker") && !m.containsKey("external")) {
      f.missing(twin.line(), path + ".process", "how to start this twin: process, docker or external");
    }
    return out;
  }

  private TwinSpec.Health health(YamlNode.@Nullable Entry entry, String path) {
    TwinSpec.Health d = TwinSpec.Health.DEFAULT;
    if (entry == null) {
      return d;
    }
    if (entry.value() instanceof YamlNode.Scalar) {
      String p = f.text(entry, path, d.path());
      return checkedHealth(p, d.timeout(), d.interval(), entry, path);
    }
    Map<String, YamlNode.Entry> m = f.entries(entry.value(), path, KEYS.get("twin.health"));
    return checkedHealth(f.text(m.get("path"), path + ".path", d.path()),
        f.duration(m.get("timeout"), path + ".timeout", d.timeout(), Duration.ofMillis(1)),
        f.duration(m.get("interval"), path + ".interval", d.interval(), Duration.ofMillis(1)), entry, path);
  }

  private TwinSpec.Health checkedHealth(String p, Duration timeout, Duration interval, YamlNode.Entry entry,
      String path) {
    try {
      return new TwinSpec.Health(p, timeout, interval);
    } catch (IllegalArgumentException e) {
      f.problem(entry.value().line(), path, e.getMessage());
      return TwinSpec.Health.DEFAULT;
    }
  }

  private Scenario.@Nullable Dependencies dependencies(YamlNode node) {
    Map<String, YamlNode.Entry> m = f.entries(node, "dependencies", KEYS.get("dependencies"));
    Path stubs = m.containsKey("stubs") ? existingDir(m.get("stubs"), "dependencies.stubs") : null;
    List<Path> captures = existing(m.get("captures"), "dependencies.captures", true);
    if (stubs != null && !captures.isEmpty()) {
      f.problem(m.get("captures").line(), "dependencies.captures", "given with dependencies.stubs (expected: one"
          + " of them: a stubs directory, or egress captures to make one from)");
    }
    String latency = f.text(m.get("latency"), "dependencies.latency", "fit");
    if (!LATENCY.contains(latency)) {
      f.problem(m.get("latency").value().line(), "dependencies.latency", latency + " (expected one of: "
          + String.join(", ", LATENCY) + ")");
    }
    Map<String, URI> proxy = new LinkedHashMap<>();
    f.textMap(m.get("proxy"), "dependencies.proxy", Map.of()).forEach((dep, url) -> {
      URI u = uriText(url, m.get("proxy").line(), "dependencies.proxy." + dep);
      if (u != null) {
        proxy.put(dep, u);
      }
    });
    List<Fault> faults = new ArrayList<>();
    YamlNode.Entry fe = m.get("faults");
    if (fe != null && fe.value() instanceof YamlNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        Fault fault = fault(seq.items().get(i), "dependencies.faults[" + i + "]");
        if (fault != null) {
          faults.add(fault);
        }
      }
    } else if (fe != null) {
      f.problem(fe.value().line(), "dependencies.faults", YamlNode.describe(fe.value()) + " (expected: a list of"
          + " faults, each with dependency and kind)");
    }
    if (!faults.isEmpty() && stubs == null && captures.isEmpty()) {
      f.problem(fe.line(), "dependencies.faults", "given without stubs or captures (expected: the simulated"
          + " dependencies the faults are injected into)");
    }
    return new Scenario.Dependencies(stubs, captures, latency, proxy, faults);
  }

  private @Nullable Fault fault(YamlNode node, String path) {
    Map<String, YamlNode.Entry> m = f.entries(node, path, KEYS.get("fault"));
    String dependency = f.text(m.get("dependency"), path + ".dependency", null);
    String kindText = f.text(m.get("kind"), path + ".kind", null);
    if (!m.containsKey("dependency")) {
      f.missing(node.line(), path + ".dependency", "the dependency's name, e.g. payments");
    }
    if (!m.containsKey("kind")) {
      f.missing(node.line(), path + ".kind", KINDS);
    }
    Fault.Kind kind = null;
    if (kindText != null) {
      for (Fault.Kind k : Fault.Kind.values()) {
        if (k.text().equals(kindText)) {
          kind = k;
        }
      }
      if (kind == null) {
        f.problem(m.get("kind").value().line(), path + ".kind", kindText + " (expected one of: " + KINDS + ")");
      }
    }
    String endpoint = f.text(m.get("endpoint"), path + ".endpoint", "");
    double rate = f.share(m.get("rate"), path + ".rate", 1);
    long status = f.integer(m.get("status"), path + ".status", kind == Fault.Kind.OUTAGE ? 503 : 0, 0, 599);
    if (kind == Fault.Kind.ERROR && !m.containsKey("status")) {
      f.missing(node.line(), path + ".status", "the error status to answer, e.g. 500 or 503");
    }
    Delay delay = delay(m.get("delay"), path + ".delay");
    double perSecond = f.number(m.get("perSecond"), path + ".perSecond", 0, 0, 1e9);
    Duration startAfter = f.duration(m.get("startAfter"), path + ".startAfter", Duration.ZERO, Duration.ZERO);
    Duration duration = f.duration(m.get("duration"), path + ".duration", null, Duration.ofMillis(1));
    if (dependency == null || kind == null || f.hasProblems()) {
      return null;
    }
    try {
      return new Fault(dependency, endpoint, kind, rate, (int) status, delay, perSecond, startAfter, duration);
    } catch (IllegalArgumentException e) {
      f.problem(node.line(), path, e.getMessage());
      return null;
    }
  }

  /** {@code 300ms}, {@code {median: 200ms, sigma: 0.5}} or {@code {min: 100ms, max: 400ms}}. */
  private Delay delay(YamlNode.@Nullable Entry entry, String path) {
    if (entry == null) {
      return Delay.NONE;
    }
    if (entry.value() instanceof YamlNode.Scalar) {
      Duration d = f.duration(entry, path, null, Duration.ZERO);
      return d == null ? Delay.NONE : Delay.fixed(d);
    }
    Map<String, YamlNode.Entry> m = f.entries(entry.value(), path, List.of("median", "sigma", "min", "max"));
    try {
      if (m.containsKey("median")) {
        return Delay.logNormal(f.duration(m.get("median"), path + ".median", Duration.ZERO, Duration.ZERO),
            f.number(m.get("sigma"), path + ".sigma", 0.5, 0, 10));
      }
      if (m.containsKey("min") && m.containsKey("max")) {
        return Delay.uniform(f.duration(m.get("min"), path + ".min", Duration.ZERO, Duration.ZERO),
            f.duration(m.get("max"), path + ".max", Duration.ZERO, Duration.ZERO));
      }
    } catch (IllegalArgumentException e) {
      f.problem(entry.value().line(), path, e.getMessage());
      return Delay.NONE;
    }
    f.problem(entry.value().line(), path, "a mapping without median or min and max (expected: 300ms, {median: 200ms,"
        + " sigma: 0.5} or {min: 100ms, max: 400ms})");
    return Delay.NONE;
  }

  private Scenario.@Nullable Replay replay(YamlNode node) {
    Map<String, YamlNode.Entry> m = f.entries(node, "replay", KEYS.get("replay"));
    int modes = (m.containsKey("speed") ? 1 : 0) + (m.containsKey("rate") ? 1 : 0) + (m.containsKey("max") ? 1 : 0);
    if (modes > 1) {
      f.problem(node.line(), "replay", "speed, rate and max given together (expected: one of them)");
    }
    Pacing pacing = new Pacing.Scaled(1);
    if (m.containsKey("speed")) {
      pacing = new Pacing.Scaled(f.number(m.get("speed"), "replay.speed", 1, 1e-6, 1e6));
    } else if (m.containsKey("rate")) {
      Double rate = parsed(m.get("rate"), "replay.rate", Pacing::parseRate);
      if (rate != null) {
        pacing = f.bool(m.get("poisson"), "replay.poisson", false)
            ? new Pacing.Poisson(rate, f.integer(m.get("seed"), "replay.seed", 1, Long.MIN_VALUE, Long.MAX_VALUE))
            : new Pacing.Even(rate);
      }
    } else if (m.containsKey("max") && f.bool(m.get("max"), "replay.max", false)) {
      pacing = new Pacing.Max();
    }
    if (m.containsKey("poisson") && !m.containsKey("rate")) {
      f.problem(m.get("poisson").line(), "replay.poisson", "given without replay.rate (expected: rate: 500/s)");
    }
    return new Scenario.Replay(pacing, f.duration(m.get("duration"), "replay.duration", null, Duration.ofMillis(1)),
        f.duration(m.get("warmup"), "replay.warmup", Duration.ZERO, Duration.ZERO),
        f.bool(m.get("loop"), "replay.loop", false),
        f.duration(m.get("lagBound"), "replay.lagBound", Duration.ofMillis(1), Duration.ofNanos(1)));
  }

  private Scenario.@Nullable Gate gate(YamlNode.Entry entry, String digest) {
    try {
      if (entry.value() instanceof YamlNode.Mapping inline) {
        return new Scenario.Gate(GatePolicy.read(file.toString(), inline, digest), null);
      }
      List<Path> policy = existing(entry, "gate", false);
      return policy.isEmpty() ? null : new Scenario.Gate(GatePolicy.read(policy.get(0)), policy.get(0));
    } catch (GatePolicyException e) {
      e.problems().forEach(p -> f.problem(entry.line(), p));
    } catch (IOException e) {
      f.problem(entry.line(), "gate", "cannot be read (" + e.getMessage() + ")");
    }
    return null;
  }

  private Scenario.@Nullable Report report(YamlNode.@Nullable Entry entry, String name) {
    Path reportDir = dir.resolve("reports").resolve(name);
    Set<ReportFormat> formats = EnumSet.allOf(ReportFormat.class);
    if (entry != null) {
      Map<String, YamlNode.Entry> m = f.entries(entry.value(), "report", KEYS.get("report"));
      String d = f.text(m.get("dir"), "report.dir", null);
      if (d != null) {
        reportDir = dir.resolve(d).normalize();
      }
      List<String> names = f.texts(m.get("formats"), "report.formats", List.of());
      if (!names.isEmpty()) {
        try {
          formats = ReportFormat.parse(String.join(",", names));
        } catch (IllegalArgumentException e) {
          f.problem(m.get("formats").value().line(), "report.formats", e.getMessage());
        }
      }
    }
    return new Scenario.Report(reportDir, formats);
  }

  private List<Path> existing(YamlNode.@Nullable Entry entry, String path, boolean optional) {
    List<Path> out = new ArrayList<>();
    for (String name : f.texts(entry, path, List.of())) {
      Path p = dir.resolve(name).normalize();
      if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        f.problem(entry.value().line(), path, name + ": no such file (looked for " + p + "; paths are relative"
            + " to the scenario file)");
      }
    }
    if (entry != null && out.isEmpty() && !optional && !f.hasProblems()) {
      f.problem(entry.value().line(), path, "no files given");
    }
    return out;
  }

  private @Nullable Path captureFile(YamlNode.@Nullable Entry entry, String path) {
    String name = f.text(entry, path, null);
    if (name == null) {
      return null;
    }
    Path p = dir.resolve(name).normalize();
    try {
      if (!CaptureFiles.resolve(p).isEmpty()) {
        return p;
      }
    } catch (IOException e) {
      // reported below
    }
    f.problem(entry.value().line(), path, name + ": no such capture file or segments (looked for " + p
        + "; paths are relative to the scenario file)");
    return null;
  }

  private @Nullable Path existingDir(YamlNode.Entry entry, String path) {
    String name = f.text(entry, path, null);
    if (name == null) {
      return null;
    }
    Path p = dir.resolve(name).normalize();
    if (!Files.isDirectory(p)) {
      f.problem(entry.value().line(), path, name + ": no such directory (looked for " + p + "; paths are relative"
          + " to the scenario file)");
      return null;
    }
    return p;
  }

  private @Nullable TimePoint timePoint(YamlNode.@Nullable Entry entry, String path) {
    return parsed(entry, path, TimePoint::parse);
  }

  private <T> @Nullable T parsed(YamlNode.@Nullable Entry entry, String path, Function<String, T> parse) {
    String text = f.text(entry, path, null);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      f.problem(entry.value().line(), path, e.getMessage());
      return null;
    }
  }

  private @Nullable URI uri(YamlNode.@Nullable Entry entry, String path) {
    String text = f.text(entry, path, null);
    return text == null ? null : uriText(text, entry.value().line(), path);
  }

  private @Nullable URI uriText(String text, int line, String path) {
    try {
      URI u = URI.create(text);
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    f.problem(line, path, text + " (expected: an http:// or https:// URL)");
    return null;
  }
}
