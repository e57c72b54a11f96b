package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replaytwin.deploy.manifests.PodSpecs.Pod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the Kubernetes wiring that any manifest set must get right, whatever runs in it: every
 * object named, selectors that select, ports and probes that resolve, mounts of declared volumes,
 * references to declared variables, and the security context. Each returns the problems found, one
 * sentence each, naming the file and object; empty when all is well.
 */
final class WiringChecks {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern SHELL_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private WiringChecks() {}

  /** apiVersion, kind and metadata.name on every document; names DNS labels, unique per kind. */
  static List<String> structure(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlDoc d : docs) {
      for (String field : List.of("apiVersion", "kind")) {
        if (d.node().path(field).asText("").isBlank()) {
          problems.add(d.source() + ": no " + field);
        }
      }
      if (!DNS_LABEL.matcher(d.name()).matches()) {
        problems.add(d.source() + ": metadata.name \"" + d.name() + "\" (expected: a DNS label, e.g. twin-replay)");
      }
      if (!seen.add(d.kind() + "/" + d.name())) {
        problems.add(d.where() + ": declared twice");
      }
    }
    return problems;
  }

  /**
   * A Deployment's selector selects its own Pods; every Service and PodDisruptionBudget selects
   * the Pods of some workload.
   */
  static List<String> selectors(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    List<Pod> pods = PodSpecs.pods(docs);
    for (YamlDoc d : docs) {
      JsonNode selector = switch (d.kind()) {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "PodDisruptionBudget" ->
            d.node().path("spec").path("selector").path("matchLabels");
        case "Service" -> d.node().path("spec").path("selector");
        default -> null;
      };
      if (selector == null) {
        continue;
      }
      if (selector.isEmpty()) {
        problems.add(d.where() + ": no selector");
      } else if (d.kind().equals("Service") || d.kind().equals("PodDisruptionBudget")) {
        if (selected(pods, selector).isEmpty()) {
          problems.add(d.where() + ": selector " + selector + " matches no Pod template");
        }
      } else {
        JsonNode labels = d.node().path("spec").path("template").path("metadata").path("labels");
        if (!matches(selector, labels)) {
          problems.add(d.where() + ": selector " + selector + " does not match its Pod labels " + labels);
        }
      }
    }
    return problems;
  }

  /** Every Service port's targetPort names (or numbers) a container port of every Pod it selects. */
  static List<String> servicePorts(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    for (YamlDoc d : docs) {
      if (!d.kind().equals("Service")) {
        continue;
      }
      for (Pod pod : selected(PodSpecs.pods(docs), d.node().path("spec").path("selector"))) {
        for (JsonNode port : d.node().path("spec").path("ports")) {
          JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
          boolean found = pod.containers().stream().anyMatch(c -> PodSpecs.containerPort(c, target) > 0);
          if (!found) {
            problems.add(d.where() + ": targetPort " + target + " is no container port of " + pod.owner().where());
          }
        }
      }
    }
    return problems;
  }

  /** A probe's port is a port of its own container (the kubelet resolves names there only). */
  static List<String> probePorts(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          JsonNode action = c.path(probe).has("httpGet") ? c.path(probe).path("httpGet") : c.path(probe).path("tcpSocket");
          if (action.has("port") && action.path("port").isTextual() && PodSpecs.containerPort(c, action.path("port")) < 0) {
            problems.add(pod.where(c) + ": " + probe + " port " + action.path("port") + " is not one of its ports");
          }
        }
      }
    }
    return problems;
  }

  /**
   * Every volumeMount names a volume of its Pod; every claim and ConfigMap a volume uses is
   * declared in the manifests; Secrets are not (they are created by hand) but the README says how.
   */
  static List<String> volumes(List<YamlDoc> docs, String readme) {
    List<String> problems = new ArrayList<>();
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        for (JsonNode m : c.path("volumeMounts")) {
          if (pod.volume(m.path("name").asText()).isMissingNode()) {
            problems.add(pod.where(c) + ": volumeMount " + m.path("name").asText() + " names no volume of the Pod");
          }
        }
        for (JsonNode e : c.path("env")) {
          String secret = e.path("valueFrom").path("secretKeyRef").path("name").asText("");
          if (!secret.isEmpty() && !readme.contains("kubectl create secret generic " + secret)) {
            problems.add(pod.where(c) + ": Secret " + secret + " is neither declared nor created in the README");
          }
        }
      }
      for (JsonNode v : pod.spec().path("volumes")) {
        String claim = v.path("persistentVolumeClaim").path("claimName").asText("");
        String configMap = v.path("configMap").path("name").asText("");
        String secret = v.path("secret").path("secretName").asText("");
        if (!claim.isEmpty() && find(docs, "PersistentVolumeClaim", claim) == null) {
          problems.add(pod.owner().where() + ": volume " + v.path("name").asText() + " claims " + claim + ", not declared");
        }
        if (!configMap.isEmpty() && find(docs, "ConfigMap", configMap) == null) {
          problems.add(pod.owner().where() + ": volume " + v.path("name").asText() + " uses ConfigMap " + configMap
              + ", not declared");
        }
        if (!secret.isEmpty() && !readme.contains("kubectl create secret generic " + secret)) {
          problems.add(pod.owner().where() + ": Secret " + secret + " is neither declared nor created in the README");
        }
      }
    }
    for (YamlDoc d : docs) {
      if (d.kind().equals("Secret") && (d.node().has("data") || d.node().has("stringData"))) {
        problems.add(d.where() + ": a Secret with data in the repository (create it with kubectl instead)");
      }
    }
    return problems;
  }

  /**
   * Every {@code $(NAME)} in a command or args names one of the container's env variables, every
   * one in an env value an earlier one (Kubernetes expands nothing else), and every {@code ${NAME}}
   * in an {@code sh -c} script names an env variable too.
   */
  static List<String> variableReferences(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        List<String> env = PodSpecs.envNames(c);
        List<String> words = new ArrayList<>(PodSpecs.strings(c.path("command")));
        words.addAll(PodSpecs.strings(c.path("args")));
        boolean shell = !words.isEmpty() && words.get(0).endsWith("sh");
        for (String w : words) {
          for (String ref : KubeExpansion.references(w)) {
            if (!env.contains(ref)) {
              problems.add(pod.where(c) + ": $(" + ref + ") but no env variable " + ref);
            }
          }
          Matcher m = SHELL_REF.matcher(w);
          while (shell && m.find()) {
            if (!env.contains(m.group(1))) {
              problems.add(pod.where(c) + ": ${" + m.group(1) + "} but no env variable " + m.group(1));
            }
          }
        }
        for (int i = 0; i < env.size(); i++) {
          String value = c.path("env").get(i).path("value").asText("");
          for (String ref : KubeExpansion.references(value)) {
            if (!env.subList(0, i).contains(ref)) {
              problems.add(pod.where(c) + ": env " + env.get(i) + " uses $(" + ref + "), not defined before it");
            }
          }
        }
      }
    }
    return problems;
  }

  /**
   * Every twin container runs as non-root with a read-only root file system, no privilege
   * escalation, and a writable {@code /tmp} of its own.
   */
  static List<String> security(List<YamlDoc> docs) {
    List<String> problems = new ArrayList<>();
    for (Pod pod : PodSpecs.pods(docs)) {
      for (JsonNode c : pod.containers()) {
        if (!PodSpecs.runsTwin(c)) {
          continue;
        }
        JsonNode sc = c.path("securityContext");
        if (!sc.path("runAsNonRoot").asBoolean(pod.spec().path("securityContext").path("runAsNonRoot").asBoolean())) {
          problems.add(pod.where(c) + ": not runAsNonRoot");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean()) {
          problems.add(pod.where(c) + ": root file system not read-only");
        }
        if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
          problems.add(pod.where(c) + ": allowPrivilegeEscalation not false");
        }
        JsonNode tmp = PodSpecs.mountFor(c, "/tmp").orElse(null);
        if (tmp == null || tmp.path("readOnly").asBoolean() || !pod.volume(tmp.path("name").asText()).has("emptyDir")) {
          problems.add(pod.where(c) + ": no writable emptyDir at /tmp (the JVM and Netty write there)");
        }
      }
    }
    return problems;
  }

  static YamlDoc find(List<YamlDoc> docs, String kind, String name) {
    return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst().orElse(null);
  }

  private static List<Pod> selected(List<Pod> pods, JsonNode selector) {
    return pods.stream().filter(p -> !selector.isEmpty() && matches(selector, p.labels())).toList();
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }
}
