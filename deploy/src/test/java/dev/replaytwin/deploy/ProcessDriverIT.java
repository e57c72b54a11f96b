package dev.replaytwin.deploy;

import static dev.replaytwin.deploy.TinyTwin.alive;
import static dev.replaytwin.deploy.TinyTwin.get;
import static dev.replaytwin.deploy.TinyTwin.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.core.run.RunDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ProcessDriverIT {
  private static final Duration HEALTH = Duration.ofSeconds(30);

  private final ProcessDriver driver = new ProcessDriver(Duration.ofSeconds(5));

  @TempDir
  Path dir;

  private TwinContext context(String name) {
    return new TwinContext(name, Map.of(), dir.resolve(name));
  }

  @Test
  void startedTwinAnswersAndCloseStopsItAndFreesItsPort() throws Exception {
    Twin twin = driver.start(TinyTwin.spec(HEALTH), context("candidate"));
    long pid;
    try {
      assertThat(twin.baseUrl().toString()).startsWith("http://127.0.0.1:");
      assertThat(get(twin.baseUrl(), "/hello")).isEqualTo("hello");
      pid = pid(twin);
      assertThat(alive(pid)).isTrue();
    } finally {
      twin.close();
    }
    assertThat(alive(pid)).isFalse();
    assertThat(twin.exited()).isEmpty(); // stopped on request is no death
    twin.close(); // twice is harmless
    try (ServerSocket again = new ServerSocket(twin.baseUrl().getPort(), 50, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(twin.baseUrl().getPort());
    }
    assertThat(Files.readString(dir.resolve("candidate/twin.log"))).contains("pid=" + pid + " listening on");
  }

  @Test
  void commandThatExitsEarlyIsReportedWithItsExitCodeAndOutput() {
    DeployException e = catchThrowableOfType(DeployException.class,
        () -> driver.start(TinyTwin.spec(HEALTH, "--exit", "3"), context("candidate")));
    assertThat(e).hasMessage("candidate exited with code 3 before it was healthy; its last output is below");
    assertThat(e.details()).contains("tiny twin starting", "config error: payments.url is missing",
        dir.resolve("candidate/twin.log").toString());
  }

  @Test
  void healthThatNeverPassesFailsAfterTheTimeoutWithOutputAndTheProcessIsKilled() {
    // Starts at once whatever the machine's load, prints its pid (exec keeps it) and never listens.
    TwinSpec.Process spec = new TwinSpec.Process(
        List.of("sh", "-c", "echo \"started $$, not listening on $1\"; exec sleep 600", "sh", "${port}"), Map.of(),
        dir, new TwinSpec.Health("/health", Duration.ofSeconds(2), Duration.ofMillis(100)), "");
    DeployException e = catchThrowableOfType(DeployException.class, () -> driver.start(spec, context("candidate")));
    assertThat(e.getMessage())
        .matches("candidate not healthy after 2s at http://127\\.0\\.0\\.1:\\d+/health"
            + " \\(last answer: connection refused\\); its last output is below");
    Matcher pid = Pattern.compile("started (\\d+), not listening").matcher(e.details());
    assertThat(pid.find()).as("output in details: %s", e.details()).isTrue();
    assertThat(alive(Long.parseLong(pid.group(1)))).isFalse();
  }

  @Test
  void portTakenBeforeTheTwinBindsItIsRetriedOnAnotherPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger calls = new AtomicInteger();
      ProcessDriver racing = new ProcessDriver(Duration.ofSeconds(5), 3,
          () -> calls.getAndIncrement() == 0 ? taken.getLocalPort() : ProcessDriver.freeLoopbackPort());
      try (Twin twin = racing.start(TinyTwin.spec(HEALTH), context("candidate"))) {
        assertThat(twin.baseUrl().getPort()).isNotEqualTo(taken.getLocalPort());
        assertThat(get(twin.baseUrl(), "/hello")).isEqualTo("hello");
        assertThat(calls).hasValue(2);
      }
      assertThat(Files.readString(dir.resolve("candidate/twin.log")))
          .contains("Address already in use", "[replaytwin] the port was in use; starting again on port");
    }
  }

  @Test
  void fixedPortThatIsTakenGivesOneClearLineOnceTheRetriesRunOut() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      DeployException e = catchThrowableOfType(DeployException.class, () -> driver.start(
          TinyTwin.spec(HEALTH, "--also-bind", Integer.toString(taken.getLocalPort())), context("candidate")));
      assertThat(e.getMessage())
          .matches("candidate could not listen: its port was in use on 3 attempts \\(ports \\d+, \\d+, \\d+\\);"
              + " look for a fixed port in its command or configuration")
          .doesNotContain("\n");
      assertThat(e.details()).contains("Address already in use");
    }
  }

  @Test
  void programThatCannotBeRunIsOneClearLine() {
    TwinSpec.Process spec = new TwinSpec.Process(List.of("no-such-twin-program", "--port=${port}"), Map.of(),
        dir, TwinSpec.Health.DEFAULT, "");
    assertThatThrownBy(() -> driver.start(spec, context("candidate")))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: cannot run \"no-such-twin-program\": no such program"
            + " (check command[0], the PATH and workingDir)");
  }

  @Test
  void cpuBurnedByAChildOfTheTwinIsSampledAndCloseStopsTheWholeTree() throws Exception {
    // sh stays the parent ("; echo" keeps it from exec-ing java): the JVM is a descendant.
    List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$@\"; echo \"java ended: $?\"", "sh"));
    command.addAll(TinyTwin.javaCommand());
    TwinSpec.Process spec = new TwinSpec.Process(command, Map.of(), dir,
        new TwinSpec.Health("/health", HEALTH, Duration.ofMillis(100)), "");
    long javaPid;
    try (Twin twin = driver.start(spec, context("candidate"))) {
      javaPid = pid(twin);
      ResourceSample before = twin.sample();
      get(twin.baseUrl(), "/burn?ms=1500");
      ResourceSample after = twin.sample();

      assertThat(after.cpuSeconds() - before.cpuSeconds()).isGreaterThan(1.0);
      assertThat(after.rssBytes()).isGreaterThan(1L << 20);
      assertThat(after.threads()).as("the JVM's threads, not only the shell's").isGreaterThan(5);
      assertThat(after.openFiles()).isGreaterThan(3);
    }
    assertThat(alive(javaPid)).isFalse();
  }

  @Test
  void jvmTwinGetsGcTimeFromItsPerformanceCounters() throws Exception {
    try (Twin twin = driver.start(TinyTwin.spec(HEALTH), context("candidate"))) {
      get(twin.baseUrl(), "/gc");
      assertThat(eventually(() -> twin.sample().gcSeconds() > 0)).as("gcSeconds from hsperfdata").isTrue();
    }
  }

  @Test
  void metricsUrlGivesGcTimeFromPrometheusText() throws Exception {
    try (Twin twin = driver.start(TinyTwin.specWithMetrics(HEALTH, "/metrics"), context("candidate"))) {
      ResourceSample sample = twin.sample();
      assertThat(sample.gcSeconds()).isEqualTo(0.75);
      assertThat(sample.rssBytes()).isGreaterThan(0); // still from /proc
    }
  }

  @Test
  void twinThatDiesMidRunIsReportedByExitedAndTheMonitor() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run"));
    try (Twin twin = driver.start(TinyTwin.spec(HEALTH), new TwinContext("candidate", Map.of(),
        run.targetDir("candidate")))) {
      List<TwinExit> heard = new CopyOnWriteArrayList<>();
      try (ResourceMonitor monitor = ResourceMonitor.start(run, List.of(twin), Duration.ofMillis(100), heard::add)) {
        assertThat(eventually(() -> samples(run).size() >= 2)).isTrue();
        assertThat(twin.exited()).isEmpty();

        get(twin.baseUrl(), "/exit?code=7");

        assertThat(eventually(() -> !heard.isEmpty())).as("death noticed").isTrue();
        assertThat(monitor.deaths()).containsExactlyElementsOf(heard);
      }
      TwinExit exit = twin.exited().orElseThrow();
      assertThat(exit.name()).isEqualTo("candidate");
      assertThat(exit.exitCode()).isEqualTo(7);
      assertThat(exit.lastLines()).contains("exiting with 7");
      assertThat(heard).containsExactly(exit);
    }
    List<ResourceSample> samples = ResourceLog.read(run.resources("candidate"));
    assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
    assertThat(samples.get(0).rssBytes()).isGreaterThan(0);
    assertThat(samples.get(0).cpuSeconds()).isGreaterThan(0);
  }

  @Test
  void twinsStopsTheFirstTwinWhenTheSecondFailsToStart() throws Exception {
    Twins twins = new Twins(spec -> driver);
    Twin baseline = twins.start(TinyTwin.spec(HEALTH), context("baseline"));
    long baselinePid = pid(baseline);

    assertThatThrownBy(() -> twins.start(TinyTwin.spec(HEALTH, "--exit", "2"), context("candidate")))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("candidate exited with code 2");

    assertThat(alive(baselinePid)).isFalse();
    twins.close();
  }

  private static List<ResourceSample> samples(RunDirectory run) {
    try {
      return ResourceLog.read(run.resources("candidate"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Polls {@code condition} for up to 20 s. */
  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }
}
