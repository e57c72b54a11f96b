package dev.replaytwin.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Shard;
import dev.replaytwin.replay.Target;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestFilterTest {
  private static ReplayOptions.Builder options() {
    return ReplayOptions.builder(Path.of("c.twcap"), Path.of("out")).target(Target.parse("a=http://127.0.0.1:1", true));
  }

  @Test
  void globsMatchPathsOrMethodAndPath() {
    RequestFilter f = new RequestFilter(options().include("/api/**").exclude("DELETE /api/*").build());
    assertThat(f.accepts("GET", "/api/users/7", "x", null)).isTrue();
    assertThat(f.accepts("DELETE", "/api/users", "x", null)).isFalse();
    assertThat(f.accepts("DELETE", "/api/users/7", "x", null)).as("* stays within a segment").isTrue();
    assertThat(f.accepts("GET", "/health", "x", null)).isFalse();
    assertThatThrownBy(() -> RequestFilter.compile("api")).hasMessageContaining("/api/**");
  }

  @Test
  void samplingKeepsOrDropsWholeSessionsAndRoughlyTheShareAsked() {
    RequestFilter f = new RequestFilter(options().sample(0.25).build());
    int kept = 0;
    for (int i = 0; i < 10_000; i++) {
      boolean a = f.accepts("GET", "/a", "x" + i, "s" + i);
      assertThat(f.accepts("POST", "/b", "y" + i, "s" + i)).as("same session, same decision").isEqualTo(a);
      kept += a ? 1 : 0;
    }
    assertThat(kept).isBetween(2_200, 2_800);
  }

  @Test
  void shardsPartitionRequestsWithoutOverlapOrGap() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      RequestFilter f = new RequestFilter(options().shard(new Shard(i, 3)).build());
      for (int k = 0; k < 3000; k++) {
        if (f.accepts("GET", "/a", "x" + k, k % 2 == 0 ? null : "s" + k)) {
          assertThat(seen.add("x" + k)).isTrue();
        }
      }
    }
    assertThat(seen).hasSize(3000);
  }
}
