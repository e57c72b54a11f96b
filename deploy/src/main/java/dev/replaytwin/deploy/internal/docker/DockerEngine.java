package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import dev.replaytwin.deploy.DeployException;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The Docker engine this JVM talks to, found the way Testcontainers finds it ({@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties}, the default socket) but reached through a client of our
 * own. {@code DockerClientFactory.client()} would first start Testcontainers' Ryuk container, an
 * image pulled from Docker Hub: building a local image, reading stats or probing the engine needs
 * none of that, so these work where nothing can be pulled.
 */
public final class DockerEngine {
  private static final Object LOCK = new Object();
  private static DockerClient client;

  private DockerEngine() {}

  /**
   * The client, connected and answering pings.
   *
   * @throws DeployException when no engine answers, saying where it looked and what to do
   */
  public static DockerClient client() throws DeployException {
    synchronized (LOCK) {
      if (client == null) {
        client = connect();
      }
      return client;
    }
  }

  /** Empty when an engine answers; otherwise one line saying why not. */
  public static Optional<String> problem() {
    try {
      client();
      return Optional.empty();
    } catch (DeployException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static DockerClient connect() throws DeployException {
    String where = Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unix:///var/run/docker.sock");
    try {
      TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
      DockerClient found = DockerClientProviderStrategy.getClientForConfig(transport);
      found.pingCmd().exec();
      return found;
    } catch (RuntimeException e) {
      throw new DeployException("no Docker engine answers at " + where + " (is dockerd running? DOCKER_HOST"
          + " names another engine)", String.valueOf(e.getMessage()), e);
    }
  }
}
