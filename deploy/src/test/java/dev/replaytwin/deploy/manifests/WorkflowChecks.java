package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a GitHub Actions workflow that gates on twin: it runs on pull requests with the
 * permission to comment, sets up a JDK twin runs on, runs twin command lines the CLI accepts, judges
 * the directory the replay wrote, uploads the reports and posts summary.md whatever the verdict,
 * and fails the job on the verdict's documented exit codes. Each returns the problems found.
 */
final class WorkflowChecks {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{.*?}}");
  private static final Pattern OUTPUT = Pattern.compile("echo \"([\\w-]+)=\\$\\{?(\\w+)}?\" >> \"\\$GITHUB_OUTPUT\"");
  private static final Pattern CASE = Pattern.compile("case \"\\$(\\w+)\" in(.*)esac", Pattern.DOTALL);
  private static final Pattern BRANCH = Pattern.compile("(?m)^\\s*([0-9*|]+)\\)");
  private static final Pattern ENV_REF = Pattern.compile("^\\$\\{?(\\w+)}?$");

  private WorkflowChecks() {}

  /** Runs on pull requests, may comment on them, checks out and sets up JDK 17 or newer. */
  static List<String> setup(YamlDoc workflow) {
    List<String> problems = new ArrayList<>();
    String where = workflow.source();
    JsonNode node = workflow.node();
    if (!node.path("on").has("pull_request")) {
      problems.add(where + ": does not run on pull_request");
    }
    boolean mayComment = node.path("permissions").path("pull-requests").asText().equals("write")
        || jobs(workflow).stream().anyMatch(j -> j.path("permissions").path("pull-requests").asText().equals("write"));
    if (!mayComment) {
      problems.add(where + ": no pull-requests: write permission, so summary.md cannot be posted");
    }
    if (step(workflow, s -> s.path("uses").asText().startsWith("actions/checkout@")) == null) {
      problems.add(where + ": no actions/checkout step");
    }
    JsonNode java = step(workflow, s -> s.path("uses").asText().startsWith("actions/setup-java@"));
    if (java == null || java.path("with").path("java-version").asInt(0) < 17) {
      problems.add(where + ": no actions/setup-java step with java-version 17 or newer");
    }
    return problems;
  }

  /** Every twin command line of every {@code run:} script; the replay and compare among them. */
  static List<String> arguments(YamlDoc workflow, TwinCli cli) {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> commands = twinCommands(workflow);
    commands.forEach((where, argv) -> problems.addAll(cli.check(where, argv)));
    for (String needed : List.of("replay", "compare")) {
      if (commands.values().stream().noneMatch(a -> PodSpecs.is(a, needed))) {
        problems.add(workflow.source() + ": no twin " + needed);
      }
    }
    return problems;
  }

  /**
   * Compare judges the replay's {@code --out}; the report directory is uploaded and its
   * summary.md posted with {@code gh pr comment --body-file}, both whatever the verdict.
   */
  static List<String> reports(YamlDoc workflow, TwinCli cli) {
    List<String> problems = new ArrayList<>();
    String where = workflow.source();
    List<String> replay = command(workflow, "replay");
    List<String> compare = command(workflow, "compare");
    if (replay == null || compare == null) {
      return List.of(where + ": no twin replay and twin compare to follow");
    }
    String out = PodSpecs.value(replay, "--out").orElse("");
    if (!cli.positionals(compare).equals(List.of(out))) {
      problems.add(where + ": twin compare judges " + cli.positionals(compare) + ", the replay writes " + out);
    }
    String reportDir = PodSpecs.value(compare, "--report-dir").orElse(out + "/report");
    JsonNode post = step(workflow, s -> s.path("run").asText().contains("gh pr comment"));
    if (post == null || !post.path("run").asText().contains("--body-file")
        || !post.path("run").asText().contains(reportDir + "/summary.md")) {
      problems.add(where + ": no step posts " + reportDir + "/summary.md with gh pr comment --body-file");
    } else if (!post.path("if").asText().contains("always()")) {
      problems.add(where + ": summary.md is posted only when earlier steps succeed (if: always() ...)");
    }
    JsonNode upload = step(workflow, s -> s.path("uses").asText().startsWith("actions/upload-artifact@"));
    Matcher var = ENV_REF.matcher(reportDir);
    String expected = var.matches() ? "env." + var.group(1) : reportDir;
    if (upload == null || !upload.path("with").path("path").asText().contains(expected)) {
      problems.add(where + ": no actions/upload-artifact step uploading " + reportDir);
    } else if (!upload.path("if").asText().contains("always()")) {
      problems.add(where + ": the report is uploaded only when earlier steps succeed (if: always() ...)");
    }
    return problems;
  }

  /**
   * The exit codes docs/gating.md gives each verdict: {@code PASS}, {@code FAIL},
   * {@code INCONCLUSIVE} to the code, read from its table ({@code | 1 | FAIL: ...}).
   */
  static Map<String, Integer> documentedExitCodes(String gatingDoc) {
    Map<String, Integer> codes = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| (\\d) \\| (PASS|FAIL|INCONCLUSIVE)\\b").matcher(gatingDoc);
    while (m.find()) {
      codes.put(m.group(2), Integer.parseInt(m.group(1)));
    }
    return codes;
  }

  /**
   * With {@code codes} as documented: the replay step goes on to compare when the replay exits
   * INCONCLUSIVE's code (an invalid run is judged INCONCLUSIVE, not an error); the compare step
   * keeps its exit code; a last step, after the report is published, passes on PASS, fails on FAIL,
   * fails on INCONCLUSIVE unless ALLOW_INCONCLUSIVE, and fails on anything else.
   */
  static List<String> exitCodes(YamlDoc workflow, Map<String, Integer> codes) {
    List<String> problems = new ArrayList<>();
    String where = workflow.source();
    int pass = codes.get("PASS");
    int fail = codes.get("FAIL");
    int inconclusive = codes.get("INCONCLUSIVE");
    JsonNode replay = step(workflow, s -> s.path("run").asText().matches("(?s).*\\btwin replay\\b.*"));
    if (replay == null || !replay.path("run").asText().contains("|| code=$?")
        || !replay.path("run").asText().contains("-ne " + inconclusive + " ]")) {
      problems.add(where + ": the replay step does not go on to compare when the replay exits " + inconclusive);
    }
    JsonNode compare = step(workflow, s -> s.path("run").asText().matches("(?s).*\\btwin compare\\b.*"));
    Matcher output = OUTPUT.matcher(compare == null ? "" : compare.path("run").asText());
    if (compare == null || !compare.has("id") || !compare.path("run").asText().contains("|| code=$?") || !output.find()) {
      problems.add(where + ": the compare step does not keep twin compare's exit code as a step output");
      return problems;
    }
    String reference = "steps." + compare.path("id").asText() + ".outputs." + output.group(1);
    JsonNode gate = step(workflow, s -> s.toString().contains(reference) && CASE.matcher(s.path("run").asText()).find());
    if (gate == null) {
      problems.add(where + ": no step gates on " + reference + " with a case over the exit codes");
      return problems;
    }
    List<JsonNode> steps = steps(workflow);
    for (int i = steps.indexOf(gate) + 1; i < steps.size(); i++) {
      if (steps.get(i).path("run").asText().contains("summary.md")
          || steps.get(i).path("uses").asText().startsWith("actions/upload-artifact@")) {
        problems.add(where + ": the report is published after the gate step, so not when it fails");
      }
    }
    Map<String, String> branches = branches(gate.path("run").asText());
    String passing = branches.get(Integer.toString(pass));
    if (passing == null || passing.matches("(?s).*\\bexit [1-9].*")) {
      problems.add(where + ": exit " + pass + " (PASS) does not pass");
    }
    if (!branches.getOrDefault(Integer.toString(fail), "").contains("exit " + fail)) {
      problems.add(where + ": exit " + fail + " (FAIL) does not fail the job");
    }
    String unsure = branches.getOrDefault(Integer.toString(inconclusive), "");
    if (!unsure.contains("exit " + inconclusive) || !unsure.contains("ALLOW_INCONCLUSIVE")) {
      problems.add(where + ": exit " + inconclusive + " (INCONCLUSIVE) does not fail unless ALLOW_INCONCLUSIVE");
    }
    if (!branches.getOrDefault("*", "").contains("exit")) {
      problems.add(where + ": other exits (compare could not judge) do not fail the job");
    }
    return problems;
  }

  /** Each twin command line of the workflow's scripts, keyed by step and position. */
  static Map<String, List<String>> twinCommands(YamlDoc workflow) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<JsonNode> steps = steps(workflow);
    for (int i = 0; i < steps.size(); i++) {
      String script = EXPRESSION.matcher(steps.get(i).path("run").asText("")).replaceAll("EXPR");
      int n = 0;
      for (List<String> words : ShellWords.commands(script)) {
        List<String> argv = ShellWords.twinArguments(words).orElse(null);
        if (argv != null) {
          out.put(workflow.source() + " step \"" + steps.get(i).path("name").asText("#" + i) + "\" #" + n++, argv);
        }
      }
    }
    return out;
  }

  private static List<String> command(YamlDoc workflow, String command) {
    return twinCommands(workflow).values().stream().filter(a -> PodSpecs.is(a, command)).findFirst().orElse(null);
  }

  /** The branches of the script's {@code case}: pattern to body. */
  private static Map<String, String> branches(String script) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher c = CASE.matcher(script);
    if (!c.find()) {
      return out;
    }
    String body = c.group(2);
    Matcher b = BRANCH.matcher(body);
    List<int[]> starts = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    while (b.find()) {
      starts.add(new int[] {b.start(), b.end()});
      patterns.add(b.group(1));
    }
    for (int i = 0; i < starts.size(); i++) {
      String text = body.substring(starts.get(i)[1], i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length());
      for (String p : patterns.get(i).split("\\|")) {
        out.put(p, text);
      }
    }
    return out;
  }

  private static List<JsonNode> jobs(YamlDoc workflow) {
    List<JsonNode> out = new ArrayList<>();
    workflow.node().path("jobs").forEach(out::add);
    return out;
  }

  static List<JsonNode> steps(YamlDoc workflow) {
    List<JsonNode> out = new ArrayList<>();
    jobs(workflow).forEach(j -> j.path("steps").forEach(out::add));
    return out;
  }

  private static JsonNode step(YamlDoc workflow, Predicate<JsonNode> test) {
    return steps(workflow).stream().filter(test).findFirst().orElse(null);
  }
}
