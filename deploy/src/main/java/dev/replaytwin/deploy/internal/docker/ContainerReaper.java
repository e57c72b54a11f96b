package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes the containers twins run in when the JVM ends without closing them: Ctrl-C, a
 * {@code System.exit}, an uncaught error. Testcontainers' own reaper (Ryuk, or its shutdown hook
 * when Ryuk is disabled) would catch most of them too; this one does not depend on how
 * Testcontainers is configured. A JVM killed with SIGKILL runs no hook: the containers carry the
 * label {@link ContainerLauncher#TWIN_LABEL} so {@code docker rm} can find them.
 */
public final class ContainerReaper {
  private static final Map<String, DockerClient> LIVE = new ConcurrentHashMap<>();
  private static boolean hooked;

  private ContainerReaper() {}

  /** Removes {@code containerId} at JVM exit unless {@link #forget forgotten} first. */
  public static void register(String containerId, DockerClient client) {
    synchronized (LIVE) {
      if (!hooked) {
        Thread hook = new Thread(ContainerReaper::removeAll, "replaytwin-container-reaper");
        try {
          Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          remove(containerId, client);
          return;
        }
        hooked = true;
      }
      LIVE.put(containerId, client);
    }
  }

  /** The container was removed (or is being removed) by its twin. */
  public static void forget(String containerId) {
    LIVE.remove(containerId);
  }

  static void removeAll() {
    LIVE.forEach(ContainerReaper::remove);
    LIVE.clear();
  }

  static void remove(String containerId, DockerClient client) {
    try {
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException e) {
      // Already gone, or the engine is going down with us: nothing more to do at exit.
    }
  }
}
