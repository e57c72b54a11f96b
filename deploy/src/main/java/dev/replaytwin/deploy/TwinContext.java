package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a driver needs besides the spec: the twin's name, where its simulated dependencies listen
 * (by dependency name, as seen from the host), and a directory for its logs
 * ({@code <run>/targets/<name>/} in a run).
 */
public record TwinContext(String name, Map<String, URI> dependencies, Path logDir) {
  public TwinContext {
    requireNonNull(name, "name");
    dependencies = Map.copyOf(requireNonNull(dependencies, "dependencies"));
    requireNonNull(logDir, "logDir");
  }
}
