package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.GatePolicyException;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.yaml.YamlNode;
import dev.replaytwin.core.yaml.YamlTreeReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code gate.yaml}, collecting every problem with its line and field rather
 * than stopping at the first. Unknown keys are problems: a misspelled threshold must never pass
 * silently. Endpoint names are checked against the run later, by the comparator.
 */
public final class GatePolicyReader {
  private static final List<String> TOP = List.of("version", "confidence", "falseDiscoveryRate", "defaults",
      "endpoints", "responses", "resources");
  private static final Pattern SLOPE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(KiB|MiB|GiB)\\s*/\\s*(s|min|h)");
  private static final List<String> RULES = List.of("minSamples", "critical", "latency", "errors", "responses");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");
  private static final Pattern PERCENTILE = Pattern.compile("p?(\\d+(?:\\.\\d+)?)");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  private record Problem(int line, String text) {}

  private GatePolicyReader(String source) {
    this.source = source;
  }

  /** The policy in {@code bytes}; {@code source} names the file in messages. */
  public static GatePolicy read(String source, byte[] bytes) throws GatePolicyException {
    YamlNode root;
    try {
      root = YamlTreeReader.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (YamlTreeReader.SyntaxError e) {
      throw new GatePolicyException(List.of(source + ":" + e.line() + ": " + e.getMessage()));
    }
    return read(source, root, Sha256.of(bytes));
  }

  /** The policy in an already parsed tree, e.g. a scenario's {@code gate:} section. */
  public static GatePolicy read(String source, YamlNode root, String digest) throws GatePolicyException {
    GatePolicyReader reader = new GatePolicyReader(source);
    GatePolicy policy = reader.policy(root, digest);
    if (!reader.problems.isEmpty() || policy == null) {
      reader.problems.sort(Comparator.comparingInt(Problem::line));
      throw new GatePolicyException(reader.problems.stream().map(Problem::text).toList());
    }
    return policy;
  }

  private @Nullable GatePolicy policy(YamlNode root, String digest) {
    if (!(root instanceof YamlNode.Mapping mapping)) {
      problem(root.line(), "policy", YamlNode.describe(root) + " (expected: a mapping with version, defaults,"
          + " endpoints, ...)");
      return null;
    }
    GatePolicy d = GatePolicy.standard();
    Map<String, YamlNode.Entry> top = entries(mapping, "", TOP);
    String version = null;
    YamlNode.Entry v = top.get("version");
    if (v == null) {
      problem(mapping.line(), "version", "missing (expected: your policy's version, e.g. version: 3, recorded in"
          + " every verdict)");
    } else if (v.value() instanceof YamlNode.Scalar s && !s.text().isBlank() && s.type() != YamlNode.ScalarType.NULL) {
      version = s.text();
    } else {
      problem(v.value().line(), "version", YamlNode.describe(v.value()) + " (expected: a version such as 3 or"
          + " 2026-11-rc)");
    }
    double confidence = share(top.get("confidence"), "confidence", d.confidence(), 0.5, 1);
    double fdr = share(top.get("falseDiscoveryRate"), "falseDiscoveryRate", d.falseDiscoveryRate(), 0, 0.5);
    GatePolicy.Rules defaults = rules(top.get("defaults"), "defaults", GatePolicy.standardRules());
    Map<String, GatePolicy.Rules> endpoints = new LinkedHashMap<>();
    YamlNode.Entry eps = top.get("endpoints");
    if (eps != null) {
      if (eps.value() instanceof YamlNode.Mapping m) {
        for (YamlNode.Entry e : m.entries()) {
          if (endpoints.containsKey(e.key())) {
            problem(e.line(), "endpoints." + e.key(), "given twice (expected: one entry per endpoint)");
            continue;
          }
          if (!e.key().matches("[A-Z]+ /.*")) {
            problem(e.line(), "endpoints." + e.key(), "not an endpoint name (expected: METHOD /path as twin"
                + " names it, e.g. \"GET /users/{id}\")");
            continue;
          }
          endpoints.put(e.key(), rules(e, "endpoints." + e.key(), defaults));
        }
      } else {
        problem(eps.value().line(), "endpoints", YamlNode.describe(eps.value()) + " (expected: a mapping from"
            + " endpoint name to its rules)");
      }
    }
    List<String> headers = d.headers();
    List<String> ignore = d.ignore();
    YamlNode.Entry responses = top.get("responses");
    if (responses != null && responses.value() instanceof YamlNode.Mapping rm) {
      Map<String, YamlNode.Entry> r = entries(rm, "responses", List.of("headers", "ignore"));
      headers = strings(r.get("headers"), "responses.headers", headers).stream()
          .map(h -> h.toLowerCase(Locale.ROOT)).toList();
      for (String h : headers) {
        if (!HEADER.matcher(h).matches()) {
          problem(r.get("headers").line(), "responses.headers", "\"" + h + "\" (expected: a header name)");
        }
      }
      ignore = strings(r.get("ignore"), "responses.ignore", ignore);
    } else if (responses != null) {
      problem(responses.value().line(), "responses", YamlNode.describe(responses.value())
          + " (expected: a mapping with headers and ignore)");
    }
    GatePolicy.ResourceRules resources = d.resources();
    YamlNode.Entry res = top.get("resources");
    if (res != null && res.value() instanceof YamlNode.Mapping resm) {
      Map<String, YamlNode.Entry> r = entries(resm, "resources", List.of("allowCpuIncrease", "allowMemoryIncrease",
          "allowRssSlope"));
      resources = new GatePolicy.ResourceRules(
          percent(r.get("allowCpuIncrease"), "resources.allowCpuIncrease", resources.cpuIncrease()),
          percent(r.get("allowMemoryIncrease"), "resources.allowMemoryIncrease", resources.memoryIncrease()),
          slope(r.get("allowRssSlope"), "resources.allowRssSlope", resources.rssSlopeMibPerMinute()));
    } else if (res != null) {
      problem(res.value().line(), "resources", YamlNode.describe(res.value())
          + " (expected: a mapping with allowCpuIncrease, allowMemoryIncrease, allowRssSlope)");
    }
    if (version == null || defaults == null || !problems.isEmpty()) {
      return null;
    }
    return new GatePolicy(version, digest, confidence, fdr, defaults, endpoints, headers, ignore, resources);
  }

  private @Nullable GatePolicy.Rules rules(@Nullable YamlNode.Entry entry, String path, GatePolicy.Rules base) {
    if (entry == null || base == null) {
      return base;
    }
    if (!(entry.value() instanceof YamlNode.Mapping m)) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a mapping of rules: "
          + String.join(", ", RULES) + ")");
      return base;
    }
    Map<String, YamlNode.Entry> r = entries(m, path, RULES);
    int minSamples = base.minSamples();
    YamlNode.Entry ms = r.get("minSamples");
    if (ms != null) {
      if (ms.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER
          && Long.parseLong(s.text()) >= 1 && Long.parseLong(s.text()) <= Integer.MAX_VALUE) {
        minSamples = Integer.parseInt(s.text());
      } else {
        problem(ms.value().line(), path + ".minSamples", YamlNode.describe(ms.value())
            + " (expected: a whole number >= 1, e.g. 200)");
      }
    }
    boolean critical = base.critical();
    YamlNode.Entry c = r.get("critical");
    if (c != null) {
      if (c.value() instanceof YamlNode.Scalar s && (s.type() == YamlNode.ScalarType.TRUE
          || s.type() == YamlNode.ScalarType.FALSE)) {
        critical = s.type() == YamlNode.ScalarType.TRUE;
      } else {
        problem(c.value().line(), path + ".critical", YamlNode.describe(c.value()) + " (expected: true or false)");
      }
    }
    List<Double> percentiles = base.percentiles();
    GatePolicy.Allowance allow = base.latency();
    YamlNode.Entry lat = r.get("latency");
    if (lat != null && lat.value() instanceof YamlNode.Mapping lm) {
      Map<String, YamlNode.Entry> l = entries(lm, path + ".latency", List.of("percentiles", "allow"));
      percentiles = percentiles(l.get("percentiles"), path + ".latency.percentiles", percentiles);
      YamlNode.Entry a = l.get("allow");
      if (a != null && a.value() instanceof YamlNode.Mapping am) {
        Map<String, YamlNode.Entry> al = entries(am, path + ".latency.allow", List.of("relative", "absolute"));
        double relative = percent(al.get("relative"), path + ".latency.allow.relative", allow.relative());
        double absolute = millis(al.get("absolute"), path + ".latency.allow.absolute", allow.absoluteMillis());
        allow = new GatePolicy.Allowance(relative, absolute);
      } else if (a != null) {
        problem(a.value().line(), path + ".latency.allow", YamlNode.describe(a.value())
            + " (expected: {relative: 10%, absolute: 5ms})");
      }
    } else if (lat != null) {
      problem(lat.value().line(), path + ".latency", YamlNode.describe(lat.value())
          + " (expected: a mapping with percentiles and allow)");
    }
    double errors = base.errorRateIncrease();
    YamlNode.Entry err = r.get("errors");
    if (err != null && err.value() instanceof YamlNode.Mapping em) {
      Map<String, YamlNode.Entry> e = entries(em, path + ".errors", List.of("allowIncrease"));
      errors = percent(e.get("allowIncrease"), path + ".errors.allowIncrease", errors);
    } else if (err != null) {
      problem(err.value().line(), path + ".errors", YamlNode.describe(err.value())
          + " (expected: {allowIncrease: 0.1%})");
    }
    double diffs = base.responseDiffRate();
    YamlNode.Entry resp = r.get("responses");
    if (resp != null && resp.value() instanceof YamlNode.Mapping rm) {
      Map<String, YamlNode.Entry> e = entries(rm, path + ".responses", List.of("allowDiffRate"));
      diffs = percent(e.get("allowDiffRate"), path + ".responses.allowDiffRate", diffs);
    } else if (resp != null) {
      problem(resp.value().line(), path + ".responses", YamlNode.describe(resp.value())
          + " (expected: {allowDiffRate: 0.1%})");
    }
    try {
      return new GatePolicy.Rules(minSamples, percentiles, allow, errors, diffs, critical);
    } catch (IllegalArgumentException e) {
      problem(entry.line(), path, e.getMessage());
      return base;
    }
  }

  private List<Double> percentiles(@Nullable YamlNode.Entry entry, String path, List<Double> base) {
    if (entry == null) {
      return base;
    }
    if (!(entry.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a list such as [50, 90,"
          + " 99, 99.9])");
      return base;
    }
    List<Double> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      Matcher m = item instanceof YamlNode.Scalar s ? PERCENTILE.matcher(s.text().trim()) : null;
      double p = m != null && m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
      if (!(p > 0 && p <= 100)) {
        problem(item.line(), path, YamlNode.describe(item) + " (expected: a percentile in (0, 100], e.g. 99 or"
            + " p99.9)");
      } else if (out.contains(p)) {
        problem(item.line(), path, YamlNode.describe(item) + " is listed twice");
      } else {
        out.add(p);
      }
    }
    return out.isEmpty() ? base : out;
  }

  private double share(@Nullable YamlNode.Entry entry, String path, double base, double low, double high) {
    if (entry == null) {
      return base;
    }
    double v = Double.NaN;
    if (entry.value() instanceof YamlNode.Scalar s) {
      Matcher m = PERCENT.matcher(s.text().trim());
      if (m.matches()) {
        v = Double.parseDouble(m.group(1)) / 100;
      } else if (s.type() == YamlNode.ScalarType.INTEGER || s.type() == YamlNode.ScalarType.DECIMAL) {
        v = Double.parseDouble(s.text());
      }
    }
    if (!(v > low && v < high)) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + String.format(Locale.ROOT,
          " (expected: between %s and %s, or a percentage)", trim(low), trim(high)));
      return base;
    }
    return v;
  }

  /** {@code 10%} or a share such as {@code 0.1}. */
  private double percent(@Nullable YamlNode.Entry entry, String path, double base) {
    if (entry == null) {
      return base;
    }
    if (entry.value() instanceof YamlNode.Scalar s) {
      Matcher m = PERCENT.matcher(s.text().trim());
      if (m.matches()) {
        return Double.parseDouble(m.group(1)) / 100;
      }
      if (s.type() == YamlNode.ScalarType.INTEGER || s.type() == YamlNode.ScalarType.DECIMAL) {
        double v = Double.parseDouble(s.text());
        if (v >= 0 && v <= 1) {
          return v;
        }
      }
    }
    problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a percentage such as 10%,"
        + " or a share from 0 to 1)");
    return base;
  }

  /** {@code 5ms}, {@code 250us}, {@code 1.5s}, or a number of milliseconds. */
  private double millis(@Nullable YamlNode.Entry entry, String path, double base) {
    if (entry == null) {
      return base;
    }
    if (entry.value() instanceof YamlNode.Scalar s) {
      Matcher m = DURATION.matcher(s.text().trim());
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
          case "us" -> v / 1000;
          case "s" -> v * 1000;
          default -> v;
        };
      }
      if (s.type() == YamlNode.ScalarType.INTEGER || s.type() == YamlNode.ScalarType.DECIMAL) {
        return Double.parseDouble(s.text());
      }
    }
    problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a duration such as 5ms,"
        + " 250us or 1s)");
    return base;
  }

  /** {@code 2MiB/min}, {@code 512KiB/s}, {@code 1GiB/h}: MiB a minute. */
  private double slope(@Nullable YamlNode.Entry entry, String path, double base) {
    if (entry == null) {
      return base;
    }
    Matcher m = entry.value() instanceof YamlNode.Scalar s ? SLOPE.matcher(s.text().trim()) : null;
    if (m == null || !m.matches()) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a rate such as 1MiB/min)");
      return base;
    }
    double v = Double.parseDouble(m.group(1));
    double mib = switch (m.group(2)) {
      case "KiB" -> v / 1024;
      case "GiB" -> v * 1024;
      default -> v;
    };
    return switch (m.group(3)) {
      case "s" -> mib * 60;
      case "h" -> mib / 60;
      default -> mib;
    };
  }

  private List<String> strings(@Nullable YamlNode.Entry entry, String path, List<String> base) {
    if (entry == null) {
      return base;
    }
    if (!(entry.value() instanceof YamlNode.Sequence seq)) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a list of strings)");
      return base;
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING && !s.text().isBlank()) {
        out.add(s.text());
      } else {
        problem(item.line(), path, YamlNode.describe(item) + " (expected: a non-empty string)");
      }
    }
    return out;
  }

  private Map<String, YamlNode.Entry> entries(YamlNode.Mapping m, String path, List<String> allowed) {
    Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries()) {
      String at = path.isEmpty() ? e.key() : path + "." + e.key();
      if (!allowed.contains(e.key())) {
        problem(e.line(), at, "unknown key (expected one of: " + String.join(", ", allowed) + ")");
      } else if (out.putIfAbsent(e.key(), e) != null) {
        problem(e.line(), at, "given twice");
      }
    }
    return out;
  }

  private void problem(int line, String field, String text) {
    problems.add(new Problem(line, source + ":" + line + ": " + field + ": " + text));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

}
