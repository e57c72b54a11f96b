package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.Placeholders;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.deploy.TwinContext;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.deploy.internal.HealthWait;
import dev.replaytwin.deploy.internal.MetricsScrape;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts one container twin: its dependencies made reachable from inside, placeholders filled, the
 * container started through Testcontainers with its port mapped to a free one, then polled until
 * healthy. Whatever goes wrong, the container and relays are gone before the exception leaves.
 */
public final class ContainerLauncher {
  /** The label on every twin container; its value is the twin's name. */
  public static final String TWIN_LABEL = "dev.replaytwin.twin";

  private final TwinSpec.Docker spec;
  private final TwinContext context;
  private final String name;

  public ContainerLauncher(TwinSpec.Docker spec, TwinContext context) {
    this.spec = spec;
    this.context = context;
    this.name = context.name();
  }

  /** The healthy twin. */
  public Twin launch() throws DeployException, InterruptedException {
    DockerClient client;
    try {
      client = DockerEngine.client();
    } catch (DeployException e) {
      throw new DeployException(name + ": docker twins need a Docker engine: " + e.getMessage()
          + "; see docs/docker.md", e.details(), e);
    }
    ContainerDependencies dependencies = ContainerDependencies.open(client, name, context.dependencies());
    GenericContainer<?> container = null;
    ContainerLogs logs = null;
    boolean started = false;
    try {
      Placeholders placeholders = Placeholders.of(name, spec.containerPort(), dependencies.inside());
      container = configure(fill(placeholders, spec.env()), fill(placeholders, spec.command()),
          dependencies.hostAddress());
      String id = start(container, client);
      logs = followLogs(client, id);
      URI baseUrl = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(spec.containerPort()));
      awaitHealthy(client, id, baseUrl.resolve(spec.health().path()));
      MetricsScrape metrics = spec.metricsPath().isEmpty() ? null
          : new MetricsScrape(baseUrl.resolve(rooted(spec.metricsPath())));
      ContainerTwin twin = new ContainerTwin(name, baseUrl, container, client, ContainerStats.follow(client, id),
          logs, dependencies, metrics);
      started = true;
      return twin;
    } finally {
      if (!started) {
        if (container != null) {
          ContainerTwin.remove(container, client, Duration.ZERO);
        }
        if (logs != null) {
          logs.close();
        }
        dependencies.close();
      }
    }
  }

  private GenericContainer<?> configure(Map<String, String> env, List<String> command, String hostAddress) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()));
    container.withEnv(env)
        .withExposedPorts(spec.containerPort())
        .withExtraHost(ContainerDependencies.HOST_ALIAS, hostAddress)
        .withLabel(TWIN_LABEL, name)
        .withCreateContainerCmdModifier(cmd -> cmd.withName(containerName()))
        // Health is polled below, where a container that dies stops the wait at once. The default
        // strategy would also run a shell inside, which an image FROM scratch does not have.
        .waitingFor(new AbstractWaitStrategy() {
          @Override
          protected void waitUntilReady() {}
        });
    if (!command.isEmpty()) {
      container.withCommand(command.toArray(String[]::new));
    }
    return container;
  }

  private String start(GenericContainer<?> container, DockerClient client) throws DeployException {
    try {
      container.start();
    } catch (RuntimeException e) {
      String id = container.getContainerId();
      List<String> tail = id == null ? List.of() : ContainerLogs.tail(client, id);
      throw new DeployException(name + ": container from " + spec.image() + " did not start: " + rootMessage(e)
          + hint(e), String.join("\n", tail), e);
    }
    String id = container.getContainerId();
    ContainerReaper.register(id, client);
    return id;
  }

  private ContainerLogs followLogs(DockerClient client, String id) throws DeployException {
    try {
      return ContainerLogs.follow(client, id, context.logDir());
    } catch (IOException e) {
      throw new DeployException(name + ": cannot write its log to " + context.logDir() + ": " + e.getMessage(),
          "", e);
    }
  }

  private void awaitHealthy(DockerClient client, String id, URI health) throws DeployException, InterruptedException {
    HealthWait.Result result = HealthWait.await(health, spec.health(),
        () -> stoppedState(client, id).map(state -> OptionalInt.of(exitCode(state))).orElse(OptionalInt.empty()));
    if (result instanceof HealthWait.Exited exited) {
      throw new DeployException(name + ": container from " + spec.image() + " exited with code "
          + (exited.exitCode() < 0 ? "unknown" : exited.exitCode()) + " before GET " + spec.health().path()
          + " answered", String.join("\n", ContainerLogs.tail(client, id)), null);
    }
    if (result instanceof HealthWait.TimedOut timedOut) {
      throw new DeployException(name + ": container from " + spec.image() + " did not answer GET "
          + spec.health().path() + " with a status below 400 within " + format(spec.health().timeout())
          + " (last: " + describe(timedOut.lastAnswer()) + "); check health.path and containerPort",
          String.join("\n", ContainerLogs.tail(client, id)), null);
    }
  }

  /** "status 503" for a status, the failure ("connection refused") as it is. */
  private static String describe(String lastAnswer) {
    boolean status = !lastAnswer.isEmpty() && lastAnswer.chars().allMatch(Character::isDigit);
    return status ? "status " + lastAnswer : lastAnswer;
  }

  static Optional<InspectContainerResponse.ContainerState> stoppedState(DockerClient client, String id) {
    try {
      InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
      return Boolean.TRUE.equals(state.getRunning()) ? Optional.empty() : Optional.of(state);
    } catch (RuntimeException e) {
      // An engine hiccup is not a dead container: the next poll asks again.
      return Optional.empty();
    }
  }

  /** A stopped container's exit code; -1 when the engine does not say. */
  static int exitCode(InspectContainerResponse.ContainerState state) {
    Long code = state.getExitCodeLong();
    return code == null ? -1 : (int) (long) code;
  }

  private Map<String, String> fill(Placeholders placeholders, Map<String, String> env) throws DeployException {
    Map<String, String> filled = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
      try {
        filled.put(entry.getKey(), placeholders.fill(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new DeployException(name + ": env " + entry.getKey() + ": " + e.getMessage());
      }
    }
    return filled;
  }

  private List<String> fill(Placeholders placeholders, List<String> command) throws DeployException {
    List<String> filled = new ArrayList<>();
    for (String argument : command) {
      try {
        filled.add(placeholders.fill(argument));
      } catch (IllegalArgumentException e) {
        throw new DeployException(name + ": command: " + e.getMessage());
      }
    }
    return filled;
  }

  private String containerName() {
    String safe = name.replaceAll("[^a-zA-Z0-9_.-]", "-");
    return "replaytwin-" + safe + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  private String hint(RuntimeException e) {
    String all = e.toString() + " " + rootMessage(e);
    if (all.contains("ryuk")) {
      return " (Testcontainers' Ryuk container could not start; set TESTCONTAINERS_RYUK_DISABLED=true:"
          + " twins are removed at JVM exit without it)";
    }
    if (all.toLowerCase(Locale.ROOT).contains("pull") || all.contains("ContainerFetchException")) {
      return " (build the image first, or check its name and the engine's registry access)";
    }
    return "";
  }

  private static String rooted(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  /** "60s", "1500ms". */
  static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
