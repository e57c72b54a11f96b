package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.core.scrub.ScrubPolicyException;
import dev.replaytwin.deploy.manifests.PodSpecs.Pod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of what the manifests promise about twin itself, against the CLI and the docs: every twin
 * command line parses, the proxy's ports, probes, shutdown and scrubbing, the replay Job's shards
 * and shared start, and the compare Job judging exactly the replay's shard directories. Each check
 * returns the problems found, one sentence each; empty when all is well.
 */
final class TwinChecks {
  private static final Pattern SHARD = Pattern.compile("\\$\\(JOB_COMPLETION_INDEX\\)/(\\d+)");
  private static final Pattern VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final String INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

  private TwinChecks() {}

  /** Every twin command line in a twin container is one the CLI accepts, with documented options. */
  static List<String> arguments(List<YamlDoc> docs, TwinCli cli) {
    List<String> problems = new ArrayList<>();
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        List<List<String>> commands = PodSpecs.twinCommands(c);
        if (PodSpecs.runsTwin(c) && commands.isEmpty()) {
          problems.add(pod.where(c) + ": runs the twin image but no twin command");
        }
        commands.forEach(argv -> problems.addAll(cli.check(pod.where(c), argv)));
      }
    }
    return problems;
  }

  /**
   * The proxy listens where the Service and the kubelet reach it; its probes hit the admin port's
   * health endpoints; the grace period outlasts its drain; the scrub key comes from a Secret; the
   * scrub policy it names parses; the capture goes to a persistent, writable volume.
   */
  static List<String> captureProxy(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    forEachCommand(docs, "capture proxy", (pod, c) -> {
      List<String> argv = args(c, "capture proxy");
      String where = pod.where(c);
      String listen = PodSpecs.value(argv, "--listen").orElse("");
      String admin = PodSpecs.value(argv, "--admin").orElse("");
      if (admin.isEmpty()) {
        problems.add(where + ": no --admin, so no health endpoints to probe");
      }
      for (String address : List.of(listen, admin)) {
        if (address.matches("(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]):\\d+")) {
          problems.add(where + ": " + address + " is loopback; the Service and the kubelet cannot reach it");
        }
        if (!address.isEmpty() && c.path("ports").findValues("containerPort").stream()
            .noneMatch(p -> p.asInt() == PodSpecs.port(address))) {
          problems.add(where + ": " + address + ": port not declared among the container's ports");
        }
      }
      for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
        JsonNode http = c.path(probe).path("httpGet");
        if (!c.has(probe)) {
          if (!probe.equals("startupProbe")) {
            problems.add(where + ": no " + probe);
          }
          continue;
        }
        if (PodSpecs.containerPort(c, http.path("port")) != PodSpecs.port(admin)) {
          problems.add(where + ": " + probe + " on port " + http.path("port") + ", not the admin port " + admin);
        }
        String path = probe.equals("readinessProbe") ? "/readyz" : "/healthz";
        if (!http.path("path").asText().equals(path)) {
          problems.add(where + ": " + probe + " path " + http.path("path").asText() + " (expected: " + path + ")");
        }
      }
      long drain = seconds(PodSpecs.value(argv, "--drain-timeout").orElse("30s"));
      long preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
      long grace = pod.spec().path("terminationGracePeriodSeconds").asLong(30);
      if (grace < preStop + 2 * drain) {
        problems.add(where + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop
            + "s + 2 x --drain-timeout " + drain + "s (the proxy drains, then the capture writer does)");
      }
      problems.addAll(scrubKey(pod, c, argv));
      PodSpecs.value(argv, "--scrub").ifPresent(file -> problems.addAll(scrubPolicy(docs, pod, c, file)));
      problems.addAll(persistent(pod, c, PodSpecs.value(argv, "--out").orElse(""), "--out"));
    });
    return problems;
  }

  /**
   * The replayer runs as an Indexed Job, one shard per index, completions == parallelism == the N
   * of {@code --shard $(JOB_COMPLETION_INDEX)/N}, all at one {@code --start-at} from a literal env
   * value (the same in every Pod), each writing {@code --out} per index under the run volume.
   */
  static List<String> replayJob(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    forEachCommand(docs, "replay", (pod, c) -> {
      String where = pod.where(c);
      List<String> argv = args(c, "replay");
      JsonNode spec = pod.owner().node().path("spec");
      if (!pod.owner().kind().equals("Job") || !spec.path("completionMode").asText().equals("Indexed")) {
        problems.add(where + ": not an Indexed Job (completionMode: Indexed)");
      }
      int completions = spec.path("completions").asInt(-1);
      if (completions < 1 || spec.path("parallelism").asInt(-2) != completions) {
        problems.add(where + ": completions " + spec.path("completions") + " and parallelism "
            + spec.path("parallelism") + " (expected: equal, every shard at once)");
      }
      if (!pod.spec().path("restartPolicy").asText().equals("Never")) {
        problems.add(where + ": restartPolicy " + pod.spec().path("restartPolicy") + " (expected: Never)");
      }
      Matcher shard = SHARD.matcher(PodSpecs.value(argv, "--shard").orElse(""));
      if (!shard.matches()) {
        problems.add(where + ": --shard " + PodSpecs.value(argv, "--shard").orElse("missing")
            + " (expected: $(JOB_COMPLETION_INDEX)/N)");
      } else if (Integer.parseInt(shard.group(1)) != completions) {
        problems.add(where + ": --shard .../" + shard.group(1) + " but completions " + completions);
      }
      JsonNode index = PodSpecs.env(c, "JOB_COMPLETION_INDEX");
      if (!index.isMissingNode() && !index.path("valueFrom").path("fieldRef").path("fieldPath").asText()
          .equals(INDEX_ANNOTATION)) {
        problems.add(where + ": JOB_COMPLETION_INDEX is not the Pod's completion-index annotation");
      }
      Matcher start = VAR.matcher(PodSpecs.value(argv, "--start-at").orElse(""));
      if (!start.matches() || PodSpecs.literalEnv(c, start.group(1)) == null) {
        problems.add(where + ": --start-at " + PodSpecs.value(argv, "--start-at").orElse("missing")
            + " (expected: $(VAR) of a literal env value, the same in every shard)");
      }
      String out = PodSpecs.value(argv, "--out").orElse("");
      if (!out.contains("$(JOB_COMPLETION_INDEX)")) {
        problems.add(where + ": --out " + out + " is the same for every shard (expected: $(JOB_COMPLETION_INDEX) in it)");
      }
      problems.addAll(persistent(pod, c, out, "--out"));
      if (PodSpecs.mountFor(c, PodSpecs.value(argv, "--capture").orElse("")).isEmpty()) {
        problems.add(where + ": --capture is on no mounted volume");
      }
    });
    return problems;
  }

  /**
   * The compare Job judges exactly the replay Job's shard directories (index 0 to N-1, same run
   * id), writes its reports to a persistent volume, and reads a gate policy whose keys docs/gating.md
   * documents.
   */
  static List<String> compareJob(List<YamlDoc> docs, TwinCli cli, JsonNode documentedPolicy) {
    List<String> problems = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    forEachCommand(docs, "replay", (pod, c) -> {
      String out = PodSpecs.value(args(c, "replay"), "--out").orElse("");
      for (int i = 0; i < pod.owner().node().path("spec").path("completions").asInt(); i++) {
        String index = Integer.toString(i);
        expected.add(KubeExpansion.expand(out,
            name -> name.equals("JOB_COMPLETION_INDEX") ? index : PodSpecs.literalEnv(c, name)));
      }
    });
    forEachCommand(docs, "compare", (pod, c) -> {
      String where = pod.where(c);
      List<String> argv = args(c, "compare");
      List<String> runs = cli.positionals(argv).stream()
          .map(run -> KubeExpansion.expand(run, name -> PodSpecs.literalEnv(c, name))).toList();
      if (!runs.equals(expected)) {
        problems.add(where + ": compares " + runs + " but the replay writes " + expected);
      }
      if (pod.owner().node().path("spec").path("backoffLimit").asInt(6) != 0) {
        problems.add(where + ": backoffLimit (expected: 0, a verdict is not retried)");
      }
      problems.addAll(persistent(pod, c, PodSpecs.value(argv, "--report-dir").orElse(""), "--report-dir"));
      PodSpecs.value(argv, "--policy").ifPresent(file -> {
        String policy = configMapFile(docs, pod, c, file, problems);
        if (policy != null) {
          problems.addAll(undocumentedKeys(where, policy, documentedPolicy));
        }
      });
    });
    return problems;
  }

  private static List<String> scrubKey(Pod pod, JsonNode c, List<String> argv) {
    List<String> problems = new ArrayList<>();
    JsonNode env = PodSpecs.env(c, "TWIN_SCRUB_KEY");
    if (env.has("value")) {
      problems.add(pod.where(c) + ": TWIN_SCRUB_KEY has a literal value; take it from a Secret");
    }
    String keyFile = PodSpecs.value(argv, "--scrub-key-file").orElse(null);
    if (keyFile != null) {
      JsonNode mount = PodSpecs.mountFor(c, keyFile).orElse(null);
      if (mount == null || !pod.volume(mount.path("name").asText()).has("secret")) {
        problems.add(pod.where(c) + ": --scrub-key-file " + keyFile + " is not on a Secret volume");
      }
    } else if (env.path("valueFrom").path("secretKeyRef").isMissingNode()) {
      problems.add(pod.where(c) + ": no scrub key (--scrub-key-file or TWIN_SCRUB_KEY from a Secret); pseudonyms"
          + " would change with every restart");
    }
    return problems;
  }

  private static List<String> scrubPolicy(List<YamlDoc> docs, Pod pod, JsonNode c, String file) {
    List<String> problems = new ArrayList<>();
    String yaml = configMapFile(docs, pod, c, file, problems);
    if (yaml != null) {
      try {
        ScrubPolicy.parse(yaml, file);
      } catch (ScrubPolicyException e) {
        problems.add(pod.where(c) + ": --scrub " + file + ": " + String.join("; ", e.problems()));
      }
    }
    return problems;
  }

  /** The text of the ConfigMap file mounted at {@code file}, or null with a problem added. */
  private static String configMapFile(List<YamlDoc> docs, Pod pod, JsonNode c, String file, List<String> problems) {
    JsonNode mount = PodSpecs.mountFor(c, file).orElse(null);
    String configMap = mount == null ? "" : pod.volume(mount.path("name").asText()).path("configMap").path("name").asText("");
    YamlDoc doc = WiringChecks.find(docs, "ConfigMap", configMap);
    String key = mount == null ? "" : file.substring(mount.path("mountPath").asText().length()).replaceFirst("^/", "");
    if (doc == null || !doc.node().path("data").has(key)) {
      problems.add(pod.where(c) + ": " + file + " is no key of a mounted ConfigMap");
      return null;
    }
    return doc.node().path("data").path(key).asText();
  }

  /** Key paths of {@code policy} that the documented example policy does not have. */
  private static List<String> undocumentedKeys(String where, String policy, JsonNode documented) {
    List<String> problems = new ArrayList<>();
    try {
      Set<String> known = new java.util.HashSet<>();
      keyPaths(documented, "", known);
      Set<String> used = new java.util.TreeSet<>();
      keyPaths(Manifests.parse(policy), "", used);
      used.removeAll(known);
      used.forEach(k -> problems.add(where + ": gate policy key " + k + " is not in docs/gating.md"));
    } catch (IOException e) {
      problems.add(where + ": gate policy is not YAML: " + e.getMessage());
    }
    return problems;
  }

  private static void keyPaths(JsonNode node, String prefix, Set<String> out) {
    if (!node.isObject()) {
      return;
    }
    for (var e : node.properties()) {
      String path = prefix.equals("endpoints.") ? "endpoints.*" : prefix + e.getKey();
      out.add(path);
      keyPaths(e.getValue(), path + ".", out);
    }
  }

  /** {@code path} is on a writable PersistentVolumeClaim mount: it outlives the Pod. */
  private static List<String> persistent(Pod pod, JsonNode c, String path, String option) {
    JsonNode mount = PodSpecs.mountFor(c, path).orElse(null);
    JsonNode volume = mount == null ? null : pod.volume(mount.path("name").asText());
    if (mount == null || mount.path("readOnly").asBoolean() || !volume.has("persistentVolumeClaim")
        || volume.path("persistentVolumeClaim").path("readOnly").asBoolean()) {
      return List.of(pod.where(c) + ": " + option + " " + path + " is not on a writable PersistentVolumeClaim");
    }
    return List.of();
  }

  /** The container's twin command line that runs {@code command}. */
  private static List<String> args(JsonNode c, String command) {
    return PodSpecs.twinCommands(c).stream().filter(a -> PodSpecs.is(a, command)).findFirst().orElseThrow();
  }

  private static void forEachCommand(List<YamlDoc> docs, String command, BiConsumer<Pod, JsonNode> action) {
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        if (PodSpecs.twinCommands(c).stream().anyMatch(a -> PodSpecs.is(a, command))) {
          action.accept(pod, c);
        }
      }
    }
  }

  private static long seconds(String duration) {
    Matcher m = DURATION.matcher(duration);
    if (!m.matches()) {
      throw new IllegalArgumentException("duration " + duration);
    }
    double n = Double.parseDouble(m.group(1));
    return (long) Math.ceil(switch (m.group(2)) {
      case "ms" -> n / 1000;
      case "m" -> n * 60;
      case "h" -> n * 3600;
      default -> n;
    });
  }
}
