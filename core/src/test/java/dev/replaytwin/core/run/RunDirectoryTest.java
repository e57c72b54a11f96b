package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunDirectoryTest {
  @TempDir Path dir;

  @Test
  void namesEveryFileOfTheLayout() {
    RunDirectory run = RunDirectory.at(dir);

    assertThat(run.root()).isEqualTo(dir);
    assertThat(run.manifest()).isEqualTo(dir.resolve("run.json"));
    assertThat(run.targetDir("blue")).isEqualTo(dir.resolve("targets/blue"));
    assertThat(run.latencyLog("blue")).isEqualTo(dir.resolve("targets/blue/latency.hlog"));
    assertThat(run.serviceLog("blue")).isEqualTo(dir.resolve("targets/blue/service.hlog"));
    assertThat(run.outcomes("blue")).isEqualTo(dir.resolve("targets/blue/outcomes.jsonl.zst"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"blue", "B", "7", "green-2", "v1.4.2_canary", "a..b"})
  void acceptsTargetNames(String name) {
    assertThat(RunDirectory.at(dir).targetDir(name)).isEqualTo(dir.resolve("targets").resolve(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "../etc", ".", "..", ".hidden", "-flag", "_x", "blue green", "a\\b", "café",
      "a:b"})
  void rejectsTargetNamesThatAreNotPlainDirectoryNames(String name) {
    assertThatIllegalArgumentException().isThrownBy(() -> RunDirectory.at(dir).outcomes(name))
        .withMessage("target name: \"" + name
            + "\" (expected: letters, digits, '.', '_' or '-', starting with a letter or digit)");
  }

  @Test
  void targetNamesHaveAtMost64Characters() {
    String longest = "t".repeat(64);

    assertThat(RunDirectory.isValidTargetName(longest)).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> RunDirectory.at(dir).targetDir(longest + "x"))
        .withMessage("target name: \"" + longest + "x\" (expected: at most 64 characters)");
  }

  @Test
  void listsTargetDirectoriesSorted() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    for (String name : new String[] {"green", "blue", "Canary", "2nd"}) {
      Files.createDirectories(run.targetDir(name));
    }
    Files.createDirectories(dir.resolve("targets/.staging"));
    Files.writeString(dir.resolve("targets/notes.txt"), "not a target");

    assertThat(run.targets()).containsExactly("2nd", "Canary", "blue", "green");
  }

  @Test
  void runWithoutTargetsYetListsNone() throws IOException {
    assertThat(RunDirectory.at(dir).targets()).isEmpty();
    assertThat(RunDirectory.at(dir.resolve("not-created")).targets()).isEmpty();
  }
}
