package dev.replaytwin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TwinsTest {
  private final List<String> closed = new CopyOnWriteArrayList<>();

  /** Starts a {@link FakeTwin}, or fails for a spec whose health path is /fail. */
  private final TwinDriver fakeDriver = (spec, context) -> {
    if (spec.health().path().equals("/fail")) {
      throw new DeployException(context.name() + " exited with code 1 before it was healthy");
    }
    return new FakeTwin(context.name(), closed);
  };

  private static TwinSpec spec(String healthPath) {
    return new TwinSpec.External(URI.create("http://127.0.0.1:1"),
        new TwinSpec.Health(healthPath, TwinSpec.Health.DEFAULT.timeout(), TwinSpec.Health.DEFAULT.interval()), "");
  }

  private static TwinContext context(String name) {
    return new TwinContext(name, Map.of(), Path.of("logs", name));
  }

  @Test
  void closeStopsTheTwinsInReverseOrder() throws Exception {
    Twins twins = new Twins(spec -> fakeDriver);
    twins.start(spec("/"), context("baseline"));
    twins.start(spec("/"), context("candidate"));
    twins.start(spec("/"), context("baseline2"));
    assertThat(twins.all()).extracting(Twin::name).containsExactly("baseline", "candidate", "baseline2");
    assertThat(twins.get("candidate")).isPresent();

    twins.close();

    assertThat(closed).containsExactly("baseline2", "candidate", "baseline");
  }

  @Test
  void secondTwinFailingStopsTheFirstBeforeTheExceptionGoesOn() {
    Map<String, TwinSpec> specs = new LinkedHashMap<>();
    specs.put("baseline", spec("/"));
    specs.put("candidate", spec("/fail"));
    specs.put("baseline2", spec("/"));

    assertThatThrownBy(() -> Twins.startAll(specs, TwinsTest::context, spec -> fakeDriver))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate exited with code 1 before it was healthy");
    assertThat(closed).containsExactly("baseline");
  }

  @Test
  void groupThatFailedStartsNothingMore() throws Exception {
    Twins twins = new Twins(spec -> fakeDriver);
    assertThatThrownBy(() -> twins.start(spec("/fail"), context("candidate"))).isInstanceOf(DeployException.class);
    assertThatThrownBy(() -> twins.start(spec("/"), context("baseline")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("twins: closed (expected: an open group to start baseline in)");
    twins.close();
  }

  @Test
  void twinNamesAreUniqueInAGroup() throws Exception {
    try (Twins twins = new Twins(spec -> fakeDriver)) {
      twins.start(spec("/"), context("candidate"));
      assertThatThrownBy(() -> twins.start(spec("/"), context("candidate")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("twin name: candidate (expected: unique in the run)");
    }
    assertThat(closed).containsExactly("candidate");
  }

  @Test
  void closingTwiceStopsEachTwinOnce() throws Exception {
    Twins twins = new Twins(spec -> fakeDriver);
    twins.start(spec("/"), context("candidate"));
    twins.close();
    twins.close();
    assertThat(closed).containsExactly("candidate");
  }
}
