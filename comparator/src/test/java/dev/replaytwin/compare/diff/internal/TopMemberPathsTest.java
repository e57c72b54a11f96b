package dev.replaytwin.compare.diff.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopMemberPathsTest {

  /** The path of the first member of {@code {"NAME":1}}. */
  private static String pathOf(String name) {
    JsonTokens tokens = JsonTokens.of(("{\"" + name + "\":1}").getBytes(UTF_8));
    return TopMemberPaths.get().path(tokens, 1);
  }

  @Test
  void spellsEachNameAsAPathWouldWhateverItSharesASlotWith() {
    // More names than slots, twice over, so that names replace each other and come back.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 300; i++) {
        assertThat(pathOf("field" + i)).isEqualTo("$.field" + i);
        assertThat(pathOf("a.b" + i)).isEqualTo("$['a.b" + i + "']");
        assertThat(pathOf("é" + i)).isEqualTo("$['é" + i + "']");
      }
    }
  }

  @Test
  void spellsLongNamesWithoutKeepingThem() {
    String name = "n".repeat(100);
    assertThat(pathOf(name)).isEqualTo("$." + name);
    assertThat(pathOf(name)).isEqualTo("$." + name);
  }
}
