package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's output: copied as it comes to {@code container.log} in the twin's log directory,
 * and its last lines read back from the engine for reports.
 */
public final class ContainerLogs implements Closeable {
  /** How many lines a failure or an exit report shows. */
  public static final int TAIL_LINES = 30;
  private static final Logger LOG = LoggerFactory.getLogger(ContainerLogs.class);

  private final ResultCallback.Adapter<Frame> follower;
  private final OutputStream file;

  private ContainerLogs(ResultCallback.Adapter<Frame> follower, OutputStream file) {
    this.follower = follower;
    this.file = file;
  }

  /** Follows the container's stdout and stderr, from its start, into {@code logDir/container.log}. */
  public static ContainerLogs follow(DockerClient client, String containerId, Path logDir) throws IOException {
    Files.createDirectories(logDir);
    OutputStream file = Files.newOutputStream(logDir.resolve("container.log"));
    ResultCallback.Adapter<Frame> follower = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        try {
          synchronized (file) {
            file.write(frame.getPayload());
          }
        } catch (IOException e) {
          LOG.warn("cannot write the log of container {}: {}", containerId, e.getMessage());
        }
      }
    };
    try {
      client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
          .exec(follower);
    } catch (RuntimeException e) {
      file.close();
      throw new IOException("cannot follow the log of container " + containerId + ": " + e.getMessage(), e);
    }
    return new ContainerLogs(follower, file);
  }

  /** The container's last {@value #TAIL_LINES} lines, stdout and stderr together; empty when unreadable. */
  public static List<String> tail(DockerClient client, String containerId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> reader = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (bytes) {
          bytes.writeBytes(frame.getPayload());
        }
      }
    };
    try {
      client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(TAIL_LINES).exec(reader)
          .awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return List.of();
    } finally {
      closeQuietly(reader);
    }
    String text;
    synchronized (bytes) {
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    List<String> lines = text.lines().map(String::stripTrailing).toList();
    return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
  }

  /** Waits a little for the engine to send the last output of a stopped container, then closes the file. */
  @Override
  public void close() {
    try {
      follower.awaitCompletion(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(follower);
    synchronized (file) {
      closeQuietly(file);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Nothing left to do with a log we cannot close.
    }
  }
}
