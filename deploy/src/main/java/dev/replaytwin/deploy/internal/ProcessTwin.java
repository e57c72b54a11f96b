package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.TwinExit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A healthy twin process started by the process driver. Samples its live process tree from
 * {@code /proc}, and its GC time from its metrics URL when it has one, else from its performance
 * counters; closing stops the whole tree.
 */
public final class ProcessTwin extends AbstractTwin {
  private static final Logger log = LoggerFactory.getLogger(ProcessTwin.class);
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

  private final Process process;
  private final OutputTail output;
  private final Duration stopGrace;
  private final ProcTreeSampler procSampler = ProcTreeSampler.system();
  private final JvmGcSampler jvmGc = new JvmGcSampler(Path.of("/proc"));
  private final MetricsScrape metrics;
  private volatile TwinExit exit;

  /** @param metrics the twin's metrics endpoint, or null */
  public ProcessTwin(String name, URI baseUrl, Process process, OutputTail output, MetricsScrape metrics,
      Duration stopGrace) {
    super(name, baseUrl);
    this.process = requireNonNull(process, "process");
    this.output = requireNonNull(output, "output");
    this.metrics = metrics;
    this.stopGrace = requireNonNull(stopGrace, "stopGrace");
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public ResourceSample sample() {
    long now = MetricsScrape.nowEpochNanos();
    try {
      List<Long> pids = ProcessTree.live(process.toHandle()).stream().map(ProcessHandle::pid).toList();
      ProcTreeSampler.Figures figures = procSampler.sample(pids);
      double gc = metrics != null
          ? metrics.scrape().map(PrometheusText::gcSeconds).orElse(-1.0)
          : jvmGc.gcSeconds(pids);
      return new ResourceSample(now, figures.cpuSeconds(), figures.rssBytes(), figures.threads(),
          figures.openFiles(), gc);
    } catch (RuntimeException e) {
      log.debug("sampling {} failed", name(), e);
      return new ResourceSample(now, -1, -1, -1, -1, -1);
    }
  }

  @Override
  public Optional<TwinExit> exited() {
    if (closed() || process.isAlive()) {
      return Optional.empty();
    }
    if (exit == null) {
      synchronized (this) {
        if (exit == null) {
          awaitOutput();
          exit = new TwinExit(name(), process.exitValue(), output.lastLines());
        }
      }
    }
    return Optional.of(exit);
  }

  @Override
  protected void stop() {
    jvmGc.close();
    boolean stopped = ProcessTree.stop(process.toHandle(), stopGrace);
    ProcessReaper.forget(process.toHandle());
    if (!stopped) {
      log.debug("{} (pid {}): some of its processes survived SIGKILL", name(), process.pid());
    }
    awaitOutput();
  }

  private void awaitOutput() {
    try {
      output.awaitEnd(OUTPUT_DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
