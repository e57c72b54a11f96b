package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Pod templates of the manifests and what their containers run: the {@code twin} command lines
 * (from {@code args} under the image's {@code twin} entrypoint, or from an {@code sh -c} script),
 * option values, environment, ports and the volume mounted at a path.
 */
final class PodSpecs {
  /** The image every twin container runs (deploy/docker/Dockerfile; entrypoint {@code twin}). */
  static final String TWIN_IMAGE = "replaytwin/twin:";
  private static final Set<String> SHELLS = Set.of("sh", "/bin/sh", "bash", "/bin/bash");

  private PodSpecs() {}

  /**
   * A Pod template.
   *
   * @param owner the Deployment or Job holding it
   * @param labels the template's labels
   * @param spec the Pod spec
   */
  record Pod(YamlDoc owner, JsonNode labels, JsonNode spec) {
    List<JsonNode> containers() {
      List<JsonNode> out = new ArrayList<>();
      spec.path("initContainers").forEach(out::add);
      spec.path("containers").forEach(out::add);
      return out;
    }

    /** The volume named {@code name}, or a missing node. */
    JsonNode volume(String name) {
      for (JsonNode v : spec.path("volumes")) {
        if (v.path("name").asText().equals(name)) {
          return v;
        }
      }
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    String where(JsonNode container) {
      return owner.where() + " container " + container.path("name").asText();
    }
  }

  /** Every Pod template of Deployments, StatefulSets, DaemonSets, ReplicaSets and Jobs. */
  static List<Pod> pods(List<YamlDoc> docs) {
    List<Pod> out = new ArrayList<>();
    for (YamlDoc d : docs) {
      if (Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job").contains(d.kind())) {
        JsonNode template = d.node().path("spec").path("template");
        out.add(new Pod(d, template.path("metadata").path("labels"), template.path("spec")));
      }
    }
    return out;
  }

  static boolean runsTwin(JsonNode container) {
    return container.path("image").asText().startsWith(TWIN_IMAGE);
  }

  /** Whether {@code argv} (the words after {@code twin}) starts with {@code command}'s words. */
  static boolean is(List<String> argv, String command) {
    List<String> words = List.of(command.split(" "));
    return argv.size() >= words.size() && argv.subList(0, words.size()).equals(words);
  }

  /** Every twin command line the container runs (the words after {@code twin}). */
  static List<List<String>> twinCommands(JsonNode container) {
    List<String> command = strings(container.path("command"));
    List<String> args = strings(container.path("args"));
    if (command.isEmpty()) {
      return runsTwin(container) ? List.of(args) : List.of();
    }
    if (SHELLS.contains(command.get(0)) && command.size() >= 2 && command.get(1).equals("-c")) {
      List<String> rest = new ArrayList<>(command.subList(2, command.size()));
      rest.addAll(args);
      // Kubernetes expands $(VAR) and $$ before the shell sees the script.
      String script = rest.isEmpty() ? "" : KubeExpansion.expand(rest.get(0), name -> null);
      List<List<String>> out = new ArrayList<>();
      for (List<String> words : ShellWords.commands(script)) {
        ShellWords.twinArguments(words).ifPresent(out::add);
      }
      return out;
    }
    List<String> all = new ArrayList<>(command);
    all.addAll(args);
    return ShellWords.twinArguments(all).map(List::of).orElse(List.of());
  }

  /** The value of the first {@code option} in {@code argv} ({@code --x v} or {@code --x=v}). */
  static Optional<String> value(List<String> argv, String option) {
    List<String> all = values(argv, option);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every value of {@code option} in {@code argv}. */
  static List<String> values(List<String> argv, String option) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals(option) && i + 1 < argv.size()) {
        out.add(argv.get(++i));
      } else if (a.startsWith(option + "=")) {
        out.add(a.substring(option.length() + 1));
      }
    }
    return out;
  }

  /** The container's env variable names, in order. */
  static List<String> envNames(JsonNode container) {
    List<String> out = new ArrayList<>();
    container.path("env").forEach(e -> out.add(e.path("name").asText()));
    return out;
  }

  /** The container's env entry {@code name}, or a missing node. */
  static JsonNode env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The value of a literal env entry, or null (a {@code valueFrom}, or no such entry). */
  static String literalEnv(JsonNode container, String name) {
    JsonNode e = env(container, name);
    return e.has("value") ? e.path("value").asText() : null;
  }

  /** The container port a probe or Service names ({@code admin} or {@code 9090}), or -1. */
  static int containerPort(JsonNode container, JsonNode portRef) {
    for (JsonNode p : container.path("ports")) {
      if (portRef.isInt() ? p.path("containerPort").asInt() == portRef.asInt()
          : p.path("name").asText().equals(portRef.asText())) {
        return p.path("containerPort").asInt();
      }
    }
    return -1;
  }

  /** The port of a {@code HOST:PORT} address, or -1. */
  static int port(String address) {
    try {
      return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The volumeMount whose mountPath holds {@code path} (the deepest one), if any. */
  static Optional<JsonNode> mountFor(JsonNode container, String path) {
    JsonNode best = null;
    for (JsonNode m : container.path("volumeMounts")) {
      String mp = m.path("mountPath").asText();
      String base = mp.endsWith("/") ? mp : mp + "/";
      if ((path.equals(mp) || path.startsWith(base))
          && (best == null || mp.length() > best.path("mountPath").asText().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
