package dev.replaytwin.core.capture.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forces a file's sealed blocks to disk on a background thread, so the thread appending records
 * never waits for the disk. Requests coalesce: one force started after a write covers it and every
 * write before it, so a slow disk costs one fsync at a time, not a queue of them.
 */
public final class BackgroundFsync {
  private static final ExecutorService FSYNC = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "twcap-fsync");
    t.setDaemon(true);
    return t;
  });

  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile FileChannel channel;
  private volatile IOException failure;

  /** Asks for everything written to {@code channel} so far to reach the disk soon. */
  public void request(FileChannel channel) {
    this.channel = channel;
    if (queued.compareAndSet(false, true)) {
      FSYNC.execute(this::force);
    }
  }

  /** The last background fsync failure, cleared once taken; {@code null} when there was none. */
  public IOException takeFailure() {
    IOException f = failure;
    failure = null;
    return f;
  }

  private void force() {
    // Cleared before forcing: a write that finds the flag clear queues another force after this one.
    queued.set(false);
    FileChannel ch = channel;
    try {
      ch.force(false);
    } catch (ClosedChannelException closed) {
      // The segment was closed meanwhile, and closing forces it synchronously.
    } catch (IOException e) {
      failure = e;
    }
  }
}
