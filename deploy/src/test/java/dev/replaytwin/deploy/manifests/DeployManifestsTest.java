package dev.replaytwin.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/k8s} do what deploy/k8s/README.md says: each check
 * passes on the files as committed, and fails on a copy broken the way a careless edit would break
 * it, so no check passes vacuously.
 */
class DeployManifestsTest {
  private static List<YamlDoc> docs;
  private static TwinCli cli;
  private static String readme;
  private static JsonNode documentedPolicy;

  @BeforeAll
  static void load() throws IOException {
    docs = Manifests.kubernetes();
    cli = TwinCli.load(Manifests.repoRoot(), Map.of(
        "capture proxy", "capture-proxy.md", "replay", "replay.md", "compare", "gating.md"));
    readme = Files.readString(Manifests.deployDir().resolve("k8s/README.md"));
    String gating = Files.readString(Manifests.repoRoot().resolve("docs/gating.md"));
    Matcher example = Pattern.compile("## `gate\\.yaml`.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(gating);
    assertThat(example.find()).as("docs/gating.md has its example gate.yaml").isTrue();
    documentedPolicy = Manifests.parse(example.group(1));
  }

  @Test
  void findsEveryManifestTheReadmeDescribes() {
    assertThat(docs).extracting(d -> d.kind() + "/" + d.name()).contains(
        "PersistentVolumeClaim/twin-captures", "PersistentVolumeClaim/twin-runs",
        "Deployment/twin-capture-proxy", "Service/twin-capture-proxy", "PodDisruptionBudget/twin-capture-proxy",
        "ConfigMap/twin-scrub-policy", "Deployment/shop", "Service/shop",
        "Job/twin-replay", "Job/twin-compare", "ConfigMap/twin-gate-policy");
    for (YamlDoc d : docs) {
      String file = d.source().substring(0, d.source().indexOf('#')).replaceFirst("^k8s/", "");
      assertThat(readme).as("README mentions %s", file).contains(file.contains("/") ? file.substring(0, file.indexOf('/') + 1) : file);
    }
  }

  @Test
  void everyDocumentHasApiVersionKindAndName() {
    assertThat(WiringChecks.structure(docs)).isEmpty();
    assertThat(WiringChecks.structure(edit("Job", "twin-replay", n -> n.remove("apiVersion"))))
        .anySatisfy(p -> assertThat(p).contains("no apiVersion"));
    assertThat(WiringChecks.structure(edit("Service", "shop", n -> meta(n).put("name", "Shop_Service"))))
        .anySatisfy(p -> assertThat(p).contains("DNS label"));
  }

  @Test
  void selectorsSelectTheirPods() {
    assertThat(WiringChecks.selectors(docs)).isEmpty();
    assertThat(WiringChecks.selectors(edit("Service", "twin-capture-proxy",
        n -> ((ObjectNode) n.at("/spec/selector")).put("app.kubernetes.io/name", "twin-proxy"))))
        .anySatisfy(p -> assertThat(p).contains("Service/twin-capture-proxy").contains("matches no Pod"));
    assertThat(WiringChecks.selectors(edit("Deployment", "shop",
        n -> ((ObjectNode) n.at("/spec/selector/matchLabels")).put("tier", "web"))))
        .anySatisfy(p -> assertThat(p).contains("Deployment/shop").contains("does not match its Pod labels"));
  }

  @Test
  void serviceTargetPortsNameContainerPorts() {
    assertThat(WiringChecks.servicePorts(docs)).isEmpty();
    assertThat(WiringChecks.servicePorts(edit("Service", "shop",
        n -> ((ObjectNode) n.at("/spec/ports/0")).put("targetPort", "web"))))
        .anySatisfy(p -> assertThat(p).contains("targetPort \"web\""));
  }

  @Test
  void probesUseTheirOwnContainersPorts() {
    assertThat(WiringChecks.probePorts(docs)).isEmpty();
    assertThat(WiringChecks.probePorts(edit("Deployment", "shop",
        n -> ((ObjectNode) container(n, "app").at("/readinessProbe/httpGet")).put("port", "http"))))
        .anySatisfy(p -> assertThat(p).contains("container app").contains("readinessProbe port \"http\""));
  }

  @Test
  void captureProxyIsProbedOnTheAdminPortAndSealsItsCaptureBeforeTheKill() {
    assertThat(TwinChecks.captureProxy(docs)).isEmpty();
    assertThat(TwinChecks.captureProxy(edit("Deployment", "twin-capture-proxy",
        n -> ((ObjectNode) container(n, "twin-proxy").at("/readinessProbe/httpGet")).put("port", "http"))))
        .anySatisfy(p -> assertThat(p).contains("readinessProbe on port \"http\", not the admin port"));
    assertThat(TwinChecks.captureProxy(edit("Deployment", "shop",
        n -> ((ObjectNode) container(n, "twin-proxy").at("/livenessProbe/httpGet")).put("path", "/readyz"))))
        .anySatisfy(p -> assertThat(p).contains("livenessProbe path /readyz"));
    assertThat(TwinChecks.captureProxy(edit("Deployment", "twin-capture-proxy",
        n -> ((ObjectNode) n.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 30))))
        .anySatisfy(p -> assertThat(p).contains("terminationGracePeriodSeconds 30 < preStop 5s + 2 x --drain-timeout 20s"));
    assertThat(TwinChecks.captureProxy(edit("Deployment", "twin-capture-proxy",
        n -> script(n, "twin-proxy", s -> s.replace("--admin 0.0.0.0:9090", "--admin 127.0.0.1:9090")))))
        .anySatisfy(p -> assertThat(p).contains("127.0.0.1:9090 is loopback"));
  }

  @Test
  void scrubKeyComesFromASecretAndThePolicyParses() {
    assertThat(TwinChecks.captureProxy(edit("Deployment", "shop",
        n -> ((ObjectNode) container(n, "twin-proxy").at("/env/1")).remove("valueFrom"))))
        .anySatisfy(p -> assertThat(p).contains("no scrub key"));
    assertThat(TwinChecks.captureProxy(edit("Deployment", "shop",
        n -> ((ObjectNode) container(n, "twin-proxy").at("/env/1")).put("value", "0123456789abcdef0123"))))
        .anySatisfy(p -> assertThat(p).contains("TWIN_SCRUB_KEY has a literal value"));
    assertThat(TwinChecks.captureProxy(edit("ConfigMap", "twin-scrub-policy",
        n -> ((ObjectNode) n.at("/data")).put("policy.yaml", "version: 1\nheaders:\n  - header: X-A\n    action: shred\n"))))
        .anySatisfy(p -> assertThat(p).contains("--scrub /etc/twin/scrub/policy.yaml"));
  }

  @Test
  void replayerIsAnIndexedJobOfShardsWithOneSharedStart() {
    assertThat(TwinChecks.replayJob(docs)).isEmpty();
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay", n -> ((ObjectNode) n.at("/spec")).put("completions", 5))))
        .anySatisfy(p -> assertThat(p).contains("--shard .../4 but completions 5"))
        .anySatisfy(p -> assertThat(p).contains("expected: equal"));
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay", n -> arg(n, "replay", "--shard", "$(JOB_COMPLETION_INDEX)/3"))))
        .anySatisfy(p -> assertThat(p).contains("--shard .../3 but completions 4"));
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay", n -> ((ObjectNode) n.at("/spec")).remove("completionMode"))))
        .anySatisfy(p -> assertThat(p).contains("not an Indexed Job"));
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay", n -> arg(n, "replay", "--out", "/runs/$(RUN_ID)"))))
        .anySatisfy(p -> assertThat(p).contains("the same for every shard"));
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay", n -> arg(n, "replay", "--out", "/tmp/$(JOB_COMPLETION_INDEX)"))))
        .anySatisfy(p -> assertThat(p).contains("not on a writable PersistentVolumeClaim"));
    assertThat(TwinChecks.replayJob(edit("Job", "twin-replay",
        n -> ((ObjectNode) container(n, "replay").at("/env/3")).remove("value"))))
        .anySatisfy(p -> assertThat(p).contains("--start-at $(START_AT)"));
  }

  @Test
  void compareJobJudgesExactlyTheReplaysShardDirectories() {
    assertThat(TwinChecks.compareJob(docs, cli, documentedPolicy)).isEmpty();
    assertThat(TwinChecks.compareJob(edit("Job", "twin-compare", n -> args(n, "compare").remove(4)), cli, documentedPolicy))
        .anySatisfy(p -> assertThat(p).contains("but the replay writes"));
    assertThat(TwinChecks.compareJob(edit("Job", "twin-compare",
        n -> ((ObjectNode) container(n, "compare").at("/env/0")).put("value", "rc-43")), cli, documentedPolicy))
        .anySatisfy(p -> assertThat(p).contains("but the replay writes"));
    assertThat(TwinChecks.compareJob(edit("ConfigMap", "twin-gate-policy",
        n -> ((ObjectNode) n.at("/data")).put("gate.yaml", "version: x\ndefaults:\n  latncy: {}\n")), cli, documentedPolicy))
        .anySatisfy(p -> assertThat(p).contains("gate policy key defaults.latncy"));
  }

  @Test
  void everyVolumeMountNamesADeclaredVolume() {
    assertThat(WiringChecks.volumes(docs, readme)).isEmpty();
    assertThat(WiringChecks.volumes(edit("Job", "twin-compare",
        n -> ((ObjectNode) container(n, "compare").at("/volumeMounts/0")).put("name", "run")), readme))
        .anySatisfy(p -> assertThat(p).contains("volumeMount run names no volume"));
    assertThat(WiringChecks.volumes(edit("Job", "twin-replay",
        n -> ((ObjectNode) n.at("/spec/template/spec/volumes/1/persistentVolumeClaim")).put("claimName", "runs")), readme))
        .anySatisfy(p -> assertThat(p).contains("claims runs, not declared"));
    assertThat(WiringChecks.volumes(docs, readme.replace("kubectl create secret generic twin-scrub-key", "")))
        .anySatisfy(p -> assertThat(p).contains("Secret twin-scrub-key"));
  }

  @Test
  void everyVariableReferenceNamesADeclaredVariable() {
    assertThat(WiringChecks.variableReferences(docs)).isEmpty();
    assertThat(WiringChecks.variableReferences(edit("Job", "twin-replay", n -> arg(n, "replay", "--start-at", "$(START)"))))
        .anySatisfy(p -> assertThat(p).contains("$(START) but no env variable"));
    assertThat(WiringChecks.variableReferences(edit("Deployment", "twin-capture-proxy",
        n -> script(n, "twin-proxy", s -> s.replace("${POD_NAME}", "${HOSTNAME_}")))))
        .anySatisfy(p -> assertThat(p).contains("${HOSTNAME_} but no env variable"));
  }

  @Test
  void twinContainersRunLockedDown() {
    assertThat(WiringChecks.security(docs)).isEmpty();
    assertThat(WiringChecks.security(edit("Job", "twin-compare",
        n -> ((ObjectNode) container(n, "compare").at("/securityContext")).put("readOnlyRootFilesystem", false))))
        .anySatisfy(p -> assertThat(p).contains("root file system not read-only"));
    assertThat(WiringChecks.security(edit("Deployment", "shop",
        n -> ((ObjectNode) container(n, "twin-proxy")).withArray("volumeMounts").remove(1))))
        .anySatisfy(p -> assertThat(p).contains("no writable emptyDir at /tmp"));
  }

  @Test
  void everyTwinArgumentIsAnOptionTheCliAccepts() {
    assertThat(TwinChecks.arguments(docs, cli)).isEmpty();
    assertThat(TwinChecks.arguments(edit("Job", "twin-replay", n -> args(n, "replay").add("--shards")), cli))
        .anySatisfy(p -> assertThat(p).contains("twin replay has no option --shards"));
    assertThat(TwinChecks.arguments(edit("Deployment", "twin-capture-proxy",
        n -> script(n, "twin-proxy", s -> s.replace("--drain-timeout 20s", "--drain 20s"))), cli))
        .anySatisfy(p -> assertThat(p).contains("twin capture proxy has no option --drain"));
    assertThat(TwinChecks.arguments(edit("Deployment", "shop",
        n -> script(n, "twin-proxy", s -> s.replace("--upstream http://127.0.0.1:8081", ""))), cli))
        .anySatisfy(p -> assertThat(p).contains("missing its required option --upstream"));
    assertThat(TwinChecks.arguments(edit("Job", "twin-compare", n -> args(n, "compare").set(0, "judge")), cli))
        .anySatisfy(p -> assertThat(p).contains("no such command"));
  }

  private static List<YamlDoc> edit(String kind, String name, Consumer<ObjectNode> change) {
    return Manifests.editing(docs, kind, name, change);
  }

  private static ObjectNode meta(ObjectNode n) {
    return (ObjectNode) n.path("metadata");
  }

  private static ObjectNode container(ObjectNode owner, String name) {
    for (JsonNode c : owner.at("/spec/template/spec/containers")) {
      if (c.path("name").asText().equals(name)) {
        return (ObjectNode) c;
      }
    }
    throw new IllegalArgumentException("no container " + name);
  }

  private static ArrayNode args(ObjectNode owner, String container) {
    return (ArrayNode) container(owner, container).path("args");
  }

  /** Sets the value after {@code option} in a container's args. */
  private static void arg(ObjectNode owner, String container, String option, String value) {
    ArrayNode args = args(owner, container);
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).asText().equals(option)) {
        args.set(i + 1, value);
        return;
      }
    }
    throw new IllegalArgumentException("no " + option);
  }

  /** Rewrites the {@code sh -c} script of a container. */
  private static void script(ObjectNode owner, String container, UnaryOperator<String> change) {
    ArrayNode args = args(owner, container);
    String before = args.get(0).asText();
    String after = change.apply(before);
    if (after.equals(before)) {
      throw new IllegalArgumentException("the edit changed nothing in: " + before);
    }
    args.set(0, after);
  }
}
