package dev.replaytwin.compare.diff.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.compare.diff.DiffLimits;
import dev.replaytwin.compare.diff.Difference;
import org.junit.jupiter.api.Test;

class WalkLimitsTest {

  @Test
  void takesTheResponsesDepthAndValueLengthWithTheRoomLeft() {
    assertThat(WalkLimits.of(new DiffLimits(100, 7, 40), 3)).isEqualTo(new WalkLimits(3, 7, 40));
  }

  @Test
  void refusesLimitsNoWalkCouldKeep() {
    assertThatThrownBy(() -> new WalkLimits(-1, 64, 200)).hasMessage("maxDifferences: -1 (expected: >= 0)");
    assertThatThrownBy(() -> new WalkLimits(1, 0, 200)).hasMessage("maxDepth: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new WalkLimits(1, 64, 0)).hasMessage("maxValueChars: 0 (expected: >= 1)");
  }

  @Test
  void everyWalkStopsCappedAtTheSameDifference() throws Exception {
    String a = "{\"a\":1,\"b\":2,\"c\":3}";
    String b = "{\"a\":9,\"b\":9,\"c\":9}";
    WalkLimits two = new WalkLimits(2, 64, 200);

    TokenWalk tokens = new TokenWalk(two);
    assertThat(tokens.compare(JsonTokens.of(a.getBytes(UTF_8)), JsonTokens.of(b.getBytes(UTF_8)))).isTrue();
    LockstepWalk lockstep = new LockstepWalk(two);
    assertThat(lockstep.compare(a.getBytes(UTF_8), b.getBytes(UTF_8))).isTrue();
    TreeWalk tree = new TreeWalk(two);
    tree.compare(BodyView.of(a.getBytes(UTF_8), "application/json").tree(),
        BodyView.of(b.getBytes(UTF_8), "application/json").tree());

    assertThat(tokens.differences()).extracting(Difference::path).containsExactly("$.a", "$.b");
    assertThat(tokens.differencesCapped()).isTrue();
    assertThat(lockstep.differences()).isEqualTo(tokens.differences());
    assertThat(lockstep.differencesCapped()).isTrue();
    assertThat(tree.differences()).isEqualTo(tokens.differences());
    assertThat(tree.differencesCapped()).isTrue();
  }
}
