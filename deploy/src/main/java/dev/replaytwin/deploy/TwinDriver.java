package dev.replaytwin.deploy;

/**
 * Starts twins of one kind. {@link #start} returns only once the twin is healthy; when it never
 * gets there, it stops whatever it started and throws, with the twin's output in the exception.
 *
 * <pre>{@code
 * TwinSpec spec = new TwinSpec.Process(List.of("java", "-jar", "shop.jar", "--port", "${port}"),
 *     Map.of("PAYMENTS_URL", "${dep.payments.url}"), dir, TwinSpec.Health.DEFAULT, "");
 * try (Twin twin = TwinDriver.forSpec(spec).start(spec, context)) {
 *   URI target = twin.baseUrl();
 * }
 * }</pre>
 */
public interface TwinDriver {

  Twin start(TwinSpec spec, TwinContext context) throws DeployException, InterruptedException;

  /** The driver for a spec's kind. */
  static TwinDriver forSpec(TwinSpec spec) {
    if (spec instanceof TwinSpec.Process) {
      return new ProcessDriver();
    }
    if (spec instanceof TwinSpec.External) {
      return new ExternalDriver();
    }
    if (spec instanceof TwinSpec.Docker) {
      return new DockerDriver();
    }
    throw new IllegalArgumentException("spec: " + spec.driver() + " (expected: process, docker or external)");
  }
}
