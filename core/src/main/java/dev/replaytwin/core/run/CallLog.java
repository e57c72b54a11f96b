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
 * A target's calls to its simulated dependencies, {@code calls.jsonl}: one {@link DependencyCall} as
 * a JSON object per line, in the order the calls arrived, each line flushed as it is written so a
 * run that dies keeps every call before it.
 *
 * <pre>{@code
 * {"epochNanos":1763700000123456000,"dependency":"payments","method":"GET","path":"/v1/charges/ch_1",
 *  "endpoint":"GET /v1/charges/{id}","status":200,"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","matched":true,"fault":""}
 * }</pre>
 */
public final class CallLog implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final BufferedWriter out;

  private CallLog(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or appends to) {@code file}, and its parent directories. */
  public static CallLog append(Path file) throws IOException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new CallLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND));
  }

  /** Writes one call and flushes it. */
  public void write(DependencyCall call) throws IOException {
    out.write(JSON.writeValueAsString(requireNonNull(call, "call")));
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Every whole call of {@code file}, in file order; a last line cut short (the writer died while
   * writing it) is left out. An empty list when the file does not exist.
   *
   * @throws IOException naming the file and line when a whole line is not a call
   */
  public static List<DependencyCall> read(Path file) throws IOException {
    List<DependencyCall> calls = new ArrayList<>();
    if (!Files.exists(file)) {
      return calls;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> lines = in.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        try {
          calls.add(JSON.readValue(line, DependencyCall.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          if (i == lines.size() - 1) {
            break; // torn last line
          }
          String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
          int nl = why.indexOf('\n');
          throw new IOException(file + ":" + (i + 1) + ": not a dependency call ("
              + (nl < 0 ? why : why.substring(0, nl)) + ")", e);
        }
      }
    }
    return calls;
  }
}
