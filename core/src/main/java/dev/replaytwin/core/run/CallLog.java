package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
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
  private final JsonLines<DependencyCall> lines;

  private CallLog(JsonLines<DependencyCall> lines) {
    this.lines = lines;
  }

  /** Creates (or appends to) {@code file}, and its parent directories. */
  public static CallLog append(Path file) throws IOException {
    return new CallLog(JsonLines.append(file));
  }

  /** Writes one call and flushes it. */
  public void write(DependencyCall call) throws IOException {
    lines.write(requireNonNull(call, "call"));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /**
   * Every whole call of {@code file}, in file order; a last line cut short (the writer died while
   * writing it) is left out. An empty list when the file does not exist.
   *
   * @throws IOException naming the file and line when a whole line is not a call
   */
  public static List<DependencyCall> read(Path file) throws IOException {
    return JsonLines.read(file, DependencyCall.class, "dependency call");
  }
}
