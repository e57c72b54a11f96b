package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final BufferedWriter out;

  private ResourceLog(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or appends to) {@code file}, and its parent directories. */
  public static ResourceLog append(Path file) throws IOException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new ResourceLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND));
  }

  /** Writes one sample and flushes it. */
  public void write(ResourceSample sample) throws IOException {
    out.write(JSON.writeValueAsString(requireNonNull(sample, "sample")));
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Every whole sample of {@code file}; a last line cut short (the sampler died while writing it) is
   * left out. An empty list when the file does not exist.
   *
   * @throws IOException naming the file and line when a whole line is not a sample
   */
  public static List<ResourceSample> read(Path file) throws IOException {
    List<ResourceSample> samples = new ArrayList<>();
    if (!Files.exists(file)) {
      return samples;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> lines = in.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        try {
          samples.add(JSON.readValue(line, ResourceSample.class));
        } catch (JsonProcessingException e) {
          if (i == lines.size() - 1) {
            break; // torn last line
          }
          String why = e.getOriginalMessage();
          int nl = why.indexOf('\n');
          throw new IOException(file + ":" + (i + 1) + ": not a resource sample ("
              + (nl < 0 ? why : why.substring(0, nl)) + ")", e);
        }
      }
    }
    return samples;
  }
}
