package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.Twin;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every driver's twin shares: its name and base URL, and a close that stops it only once. */
public abstract class AbstractTwin implements Twin {
  private final String name;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  protected AbstractTwin(String name, URI baseUrl) {
    this.name = requireNonNull(name, "name");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final URI baseUrl() {
    return baseUrl;
  }

  /** Whether {@link #close()} has been called: a twin being stopped has not ended on its own. */
  protected final boolean closed() {
    return closed.get();
  }

  /** Stops the twin the first time; harmless after that. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      stop();
    }
  }

  /** Stops the twin and everything it started; called once, by the first {@link #close()}. */
  protected abstract void stop();
}
