package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A target's resource samples, {@code resources.jsonl}: one JSON object per line, in time order,
 * appended and flushed as they are taken, so a run that dies keeps every sample before it.
 *
 * <pre>{@code
 * {"epochNanos":1763700000000000000,"cpuSeconds":12.5,"rssBytes":412090368,"threads":41,"openFiles":87,"gcSeconds":0.31}
 * }</pre>
 */
public final class ResourceLog implements Closeable {
  private final JsonLines<ResourceSample> lines;

  private ResourceLog(JsonLines<ResourceSample> lines) {
    this.lines = lines;
  }

  /** Creates (or appends to) {@code file}, and its parent directories. */
  public static ResourceLog append(Path file) throws IOException {
    return new ResourceLog(JsonLines.append(file));
  }

  /** Writes one sample and flushes it. */
  public void write(ResourceSample sample) throws IOException {
    lines.write(requireNonNull(sample, "sample"));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /**
   * Every whole sample of {@code file}; a last line cut short (the sampler died while writing it) is
   * left out. An empty list when the file does not exist.
   *
   * @throws IOException naming the file and line when a whole line is not a sample
   */
  public static List<ResourceSample> read(Path file) throws IOException {
    return JsonLines.read(file, ResourceSample.class, "resource sample");
  }
}
