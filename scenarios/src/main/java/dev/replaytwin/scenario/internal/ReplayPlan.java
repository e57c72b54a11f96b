package dev.replaytwin.scenario.internal;

import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
import dev.replaytwin.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The replay a scenario asks for, against the twins it started. */
public final class ReplayPlan {
  private ReplayPlan() {}

  /** The replay of {@code s} into {@code out} against {@code twins}, paced by {@code pacing}. */
  public static ReplayOptions options(Scenario s, Path out, List<Twin> twins, Pacing pacing) throws IOException {
    Scenario.Capture c = s.capture();
    Scenario.Replay r = s.replay();
    ReplayOptions.Builder b = ReplayOptions.builder(c.file(), out)
        .pacing(pacing)
        .duration(r.duration())
        .warmup(r.warmup())
        .loop(r.loop())
        .lagBound(r.lagBound())
        .sample(c.sample())
        .session(c.session());
    for (Twin t : twins) {
      b.target(new Target(t.name(), t.baseUrl(), true));
    }
    c.include().forEach(b::include);
    c.exclude().forEach(b::exclude);
    c.correlate().forEach(b::correlate);
    if (c.from() != null || c.to() != null) {
      long first = (c.from() != null && c.from().isRelative()) || (c.to() != null && c.to().isRelative())
          ? CaptureFiles.firstCaptureTime(c.file(), false).orElse(0) : 0;
      b.between(c.from() == null ? Long.MIN_VALUE : c.from().resolve(first),
          c.to() == null ? Long.MAX_VALUE : c.to().resolve(first));
    }
    return b.build();
  }
}
