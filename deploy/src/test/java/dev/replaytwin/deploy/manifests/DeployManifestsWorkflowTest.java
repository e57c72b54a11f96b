package dev.replaytwin.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example workflow {@code deploy/ci/replay-gate.yml} runs twin command lines the CLI accepts,
 * posts summary.md and gates on the documented exit codes (deploy/ci/README.md); each check also
 * fails on a copy broken on purpose.
 */
class DeployManifestsWorkflowTest {
  private static YamlDoc workflow;
  private static TwinCli cli;
  private static Map<String, Integer> exitCodes;

  @BeforeAll
  static void load() throws IOException {
    exitCodes = WorkflowChecks.documentedExitCodes(Files.readString(Manifests.repoRoot().resolve("docs/gating.md")));
    List<YamlDoc> workflows = Manifests.workflows();
    assertThat(workflows).extracting(YamlDoc::source).containsExactly("ci/replay-gate.yml#0");
    workflow = workflows.get(0);
    cli = TwinCli.load(Manifests.repoRoot(), Map.of("replay", "replay.md", "compare", "gating.md"));
  }

  @Test
  void runsOnPullRequestsWithAJdkAndThePermissionToComment() {
    assertThat(WorkflowChecks.setup(workflow)).isEmpty();
    assertThat(WorkflowChecks.setup(workflow.edited(n -> n.remove("permissions"))))
        .anySatisfy(p -> assertThat(p).contains("pull-requests: write"));
    assertThat(WorkflowChecks.setup(workflow.edited(n -> ((ObjectNode) step(n, "Set up JDK 17").path("with"))
        .put("java-version", "11"))))
        .anySatisfy(p -> assertThat(p).contains("java-version 17 or newer"));
  }

  @Test
  void findsTheTwinCommandLinesOfTheScripts() {
    assertThat(WorkflowChecks.twinCommands(workflow).values())
        .anySatisfy(argv -> assertThat(argv).startsWith("replay", "--capture", "$CAPTURE").contains("--out", "$RUN_DIR"))
        .anySatisfy(argv -> assertThat(argv).containsExactly("compare", "$RUN_DIR", "--policy", "$GATE_POLICY",
            "--report-dir", "$REPORT_DIR"));
  }

  @Test
  void everyTwinArgumentIsAnOptionTheCliAccepts() {
    assertThat(WorkflowChecks.arguments(workflow, cli)).isEmpty();
    assertThat(WorkflowChecks.arguments(edited("Replay", s -> s.replace("--warmup 30s", "--warm-up 30s")), cli))
        .anySatisfy(p -> assertThat(p).contains("twin replay has no option --warm-up"));
    assertThat(WorkflowChecks.arguments(edited("Compare", s -> s.replace("twin compare", "twin judge")), cli))
        .anySatisfy(p -> assertThat(p).contains("no such command"));
  }

  @Test
  void uploadsTheReportAndPostsSummaryMdWhateverTheVerdict() {
    assertThat(WorkflowChecks.reports(workflow, cli)).isEmpty();
    assertThat(WorkflowChecks.reports(edited("Post summary.md on the pull request",
        s -> s.replace("gh pr comment \"$PR_NUMBER\" --body-file \"$body\"", "true")), cli))
        .anySatisfy(p -> assertThat(p).contains("no step posts $REPORT_DIR/summary.md"));
    assertThat(WorkflowChecks.reports(workflow.edited(n -> ((ObjectNode) step(n, "Post summary.md on the pull request"))
        .put("if", "github.event_name == 'pull_request'")), cli))
        .anySatisfy(p -> assertThat(p).contains("posted only when earlier steps succeed"));
    assertThat(WorkflowChecks.reports(edited("Compare", s -> s.replace("--report-dir \"$REPORT_DIR\"",
        "--report-dir \"$RUN_DIR/verdict\"")), cli))
        .anySatisfy(p -> assertThat(p).contains("no step posts $RUN_DIR/verdict/summary.md"));
    assertThat(WorkflowChecks.reports(edited("Replay", s -> s.replace("--out \"$RUN_DIR\"", "--out runs/other")), cli))
        .anySatisfy(p -> assertThat(p).contains("the replay writes runs/other"));
  }

  @Test
  void readsTheVerdictsExitCodesFromTheDocs() {
    assertThat(exitCodes).containsExactlyInAnyOrderEntriesOf(Map.of("PASS", 0, "FAIL", 1, "INCONCLUSIVE", 3));
  }

  @Test
  void gatesOnTheDocumentedExitCodes() {
    assertThat(WorkflowChecks.exitCodes(workflow, exitCodes)).isEmpty();
    assertThat(WorkflowChecks.exitCodes(workflow, Map.of("PASS", 0, "FAIL", 5, "INCONCLUSIVE", 3)))
        .anySatisfy(p -> assertThat(p).contains("exit 5 (FAIL) does not fail the job"));
    assertThat(WorkflowChecks.exitCodes(edited("Gate on the verdict", s -> s.replace("(summary.md says where)\"; exit 1",
        "(summary.md says where)\"")), exitCodes))
        .anySatisfy(p -> assertThat(p).contains("exit 1 (FAIL) does not fail the job"));
    assertThat(WorkflowChecks.exitCodes(edited("Gate on the verdict", s -> s.replace("exit 3\n", "\n")), exitCodes))
        .anySatisfy(p -> assertThat(p).contains("exit 3 (INCONCLUSIVE)"));
    assertThat(WorkflowChecks.exitCodes(edited("Replay", s -> s.replace(" && [ \"$code\" -ne 3 ]", "")), exitCodes))
        .anySatisfy(p -> assertThat(p).contains("when the replay exits 3"));
    assertThat(WorkflowChecks.exitCodes(edited("Compare", s -> s.replace(" || code=$?", "")), exitCodes))
        .anySatisfy(p -> assertThat(p).contains("does not keep twin compare's exit code"));
    assertThat(WorkflowChecks.exitCodes(workflow.edited(n -> {
      ArrayNode steps = (ArrayNode) n.at("/jobs/replay-gate/steps");
      JsonNode upload = steps.remove(index(steps, "Upload the report"));
      steps.add(upload);
    }), exitCodes)).anySatisfy(p -> assertThat(p).contains("published after the gate step"));
  }

  /** The workflow with the {@code run} script of step {@code name} changed (the change must change something). */
  private static YamlDoc edited(String name, UnaryOperator<String> change) {
    return workflow.edited(n -> {
      ObjectNode step = step(n, name);
      String before = step.path("run").asText();
      String after = change.apply(before);
      if (after.equals(before)) {
        throw new IllegalArgumentException("the edit changed nothing in step " + name);
      }
      step.put("run", after);
    });
  }

  private static ObjectNode step(ObjectNode workflowNode, String name) {
    ArrayNode steps = (ArrayNode) workflowNode.at("/jobs/replay-gate/steps");
    return (ObjectNode) steps.get(index(steps, name));
  }

  private static int index(ArrayNode steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).path("name").asText().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no step " + name);
  }
}
