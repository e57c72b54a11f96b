package dev.replaytwin.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The readers the manifest checks stand on: the CLI model read from the cli module's picocli
 * annotations, the shell splitter, Kubernetes' {@code $(VAR)} expansion.
 */
class DeployManifestsToolingTest {
  private static TwinCli cli;

  @BeforeAll
  static void load() {
    cli = TwinCli.load(Manifests.repoRoot(), Map.of("capture proxy", "capture-proxy.md", "replay", "replay.md"));
  }

  @Test
  void readsTheCommandTreeAndOptionsFromTheCliSources() {
    assertThat(cli.root().subcommands()).containsKeys("capture", "replay", "compare", "report");
    TwinCli.Command proxy = cli.command("capture proxy");
    assertThat(proxy).isNotNull();
    assertThat(proxy.option("--listen").required()).isTrue();
    assertThat(proxy.option("--overwrite").flag()).isTrue();
    assertThat(proxy.option("--drain-timeout").flag()).isFalse();
    assertThat(proxy.option("--verbose")).as("inherited from twin").isNotNull();
    assertThat(cli.command("replay").option("--skip-corrupt")).as("from a mixin").isNotNull();
    assertThat(cli.command("replay").option("--speed")).as("from an argument group").isNotNull();
    assertThat(cli.command("compare").option("--shard")).isNull();
    assertThat(cli.command("compare").minPositional()).isEqualTo(1);
  }

  @Test
  void acceptsWhatPicocliWouldAndSaysWhatIsWrongOtherwise() {
    assertThat(cli.check("x", List.of("capture", "proxy", "--listen", ":8080", "--upstream", "http://a:1",
        "--out", "c.twcap", "--overwrite", "--tag", "k=v", "--verbose"))).isEmpty();
    assertThat(cli.check("x", List.of("compare", "runs/a", "runs/b", "--report-dir=r"))).isEmpty();
    assertThat(cli.check("x", List.of("capture", "proxy", "--listen", ":8080", "--out", "c.twcap", "--sample")))
        .containsExactlyInAnyOrder("x: twin capture proxy --sample needs a value",
            "x: twin capture proxy is missing its required option --upstream");
    assertThat(cli.check("x", List.of("compare", "--policy", "gate.yaml")))
        .containsExactly("x: twin compare needs at least 1 positional argument(s)");
    assertThat(cli.check("x", List.of("capture", "--out", "c"))).singleElement().asString().contains("no such command");
  }

  @Test
  void splitsShellScriptsIntoCommandsAndWords() {
    List<List<String>> commands = ShellWords.commands("""
        # a comment
        code=0; exec twin replay --capture "$CAPTURE" \\
          --out "/runs/${RUN}-$(date -u "+%Y %m")" || code=$?
        (cd .replaytwin && ./mvnw -q) > /dev/null
        echo 'it''s' "a \\"b\\""
        """);
    assertThat(commands).containsExactly(
        List.of("code=0"),
        List.of("exec", "twin", "replay", "--capture", "$CAPTURE", "--out", "/runs/${RUN}-$(date -u \"+%Y %m\")"),
        List.of("code=$?"),
        List.of("cd", ".replaytwin"),
        List.of("./mvnw", "-q"),
        List.of(">", "/dev/null"),
        List.of("echo", "its", "a \"b\""));
    assertThat(ShellWords.twinArguments(commands.get(1))).contains(
        List.of("replay", "--capture", "$CAPTURE", "--out", "/runs/${RUN}-$(date -u \"+%Y %m\")"));
    assertThat(ShellWords.twinArguments(List.of("java", "-jar", "cli/target/twin.jar", "compare", "r")))
        .contains(List.of("compare", "r"));
    assertThat(ShellWords.twinArguments(commands.get(4))).isEmpty();
  }

  @Test
  void expandsKubernetesVariableReferencesLikeTheKubelet() {
    assertThat(KubeExpansion.expand("/runs/$(RUN_ID)/shard-$(JOB_COMPLETION_INDEX) $$(date) $(UNSET) $$",
        name -> name.equals("RUN_ID") ? "rc-1" : name.equals("JOB_COMPLETION_INDEX") ? "3" : null))
        .isEqualTo("/runs/rc-1/shard-3 $(date) $(UNSET) $");
    assertThat(KubeExpansion.references("$(A)/$(B) $$(C) $(date -u)")).containsExactly("A", "B");
  }

  @Test
  void blanksJavaCommentsButKeepsStrings() {
    assertThat(TwinCli.withoutComments("a // @Option(names = \"--x\")\nb \"http://h\" /* @Option */ c '\"'"))
        .isEqualTo("a  \nb \"http://h\"   c '\"'");
  }
}
