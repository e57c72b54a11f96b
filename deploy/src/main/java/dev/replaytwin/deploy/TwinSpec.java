package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start one twin. Each case has its own driver ({@link TwinDriver#forSpec}); every case can
 * be started, health-checked, sampled and stopped the same way through {@link Twin}.
 *
 * <p>Strings in a process command line, environment and container environment may hold
 * placeholders, filled in by {@link Placeholders} at start: {@code ${port}} (the free port given to
 * this twin), {@code ${name}}, {@code ${dep.NAME.url}}, {@code ${dep.NAME.host}} and
 * {@code ${dep.NAME.port}} (the simulator of dependency NAME as this twin reaches it).
 */
public sealed interface TwinSpec permits TwinSpec.Process, TwinSpec.Docker, TwinSpec.External {

  /** The driver's name as scenarios write it: {@code process}, {@code docker} or {@code external}. */
  String driver();

  /** The health check shared by every kind of twin. */
  Health health();

  /**
   * When the twin is ready: {@code path} answers a GET with a status below 400 within
   * {@code timeout}, polled every {@code interval}.
   */
  record Health(String path, Duration timeout, Duration interval) {
    public static final Health DEFAULT = new Health("/", Duration.ofSeconds(60), Duration.ofMillis(200));

    public Health {
      requireNonNull(path, "path");
      requireNonNull(timeout, "timeout");
      requireNonNull(interval, "interval");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("health.path: \"" + path + "\" (expected: a path starting with /)");
      }
      if (timeout.isNegative() || timeout.isZero() || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("health: timeout " + timeout + ", interval " + interval
            + " (expected: both positive)");
      }
    }
  }

  /**
   * A local process: {@code command} run in {@code workingDir} with {@code env} added to this JVM's
   * environment. {@code metricsUrl}, when not empty, is a Prometheus text endpoint (Micrometer,
   * Spring actuator) scraped for GC time; a JVM process without one has it read from its performance counters.
   */
  record Process(List<String> command, Map<String, String> env, Path workingDir, Health health,
      String metricsUrl) implements TwinSpec {
    public Process {
      command = List.copyOf(requireNonNull(command, "command"));
      env = Map.copyOf(requireNonNull(env, "env"));
      requireNonNull(workingDir, "workingDir");
      requireNonNull(health, "health");
      requireNonNull(metricsUrl, "metricsUrl");
      if (command.isEmpty()) {
        throw new IllegalArgumentException("command: [] (expected: the program and its arguments)");
      }
    }

    @Override
    public String driver() {
      return "process";
    }
  }

  /**
   * A container started from {@code image} (built locally or pulled by the engine), listening on
   * {@code containerPort} inside. {@code command}, when not empty, replaces the image's command.
   */
  record Docker(String image, List<String> command, Map<String, String> env, int containerPort, Health health,
      String metricsPath) implements TwinSpec {
    public Docker {
      requireNonNull(image, "image");
      command = List.copyOf(requireNonNull(command, "command"));
      env = Map.copyOf(requireNonNull(env, "env"));
      requireNonNull(health, "health");
      requireNonNull(metricsPath, "metricsPath");
      if (image.isBlank()) {
        throw new IllegalArgumentException("image: \"\" (expected: an image reference, e.g. shop:1.5)");
      }
      if (containerPort < 1 || containerPort > 65535) {
        throw new IllegalArgumentException("containerPort: " + containerPort + " (expected: 1..65535)");
      }
    }

    @Override
    public String driver() {
      return "docker";
    }
  }

  /**
   * A twin someone else runs (a staging namespace, a Kubernetes service): only checked, sampled
   * through {@code metricsUrl} when given, never started or stopped.
   */
  record External(URI baseUrl, Health health, String metricsUrl) implements TwinSpec {
    public External {
      requireNonNull(baseUrl, "baseUrl");
      requireNonNull(health, "health");
      requireNonNull(metricsUrl, "metricsUrl");
      String scheme = baseUrl.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl: \"" + baseUrl + "\" (expected: http://host:port or https://…)");
      }
    }

    @Override
    public String driver() {
      return "external";
    }
  }
}
