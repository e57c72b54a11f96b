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
 * The mechanics of a JSON-lines log of records of one type ({@link CallLog}, {@link ResourceLog}):
 * one JSON object per line, each line flushed as it is written so a writer that dies keeps every
 * line before it, and read back leaving out a last line cut short.
 */
final class JsonLines<T> implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final BufferedWriter out;

  private JsonLines(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or appends to) {@code file}, and its parent directories. */
  static <T> JsonLines<T> append(Path file) throws IOException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new JsonLines<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND));
  }

  /** Writes one record as a line and flushes it. */
  void write(T record) throws IOException {
    out.write(JSON.writeValueAsString(record));
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Every whole record of {@code file}, in file order; a last line cut short is left out. An empty
   * list when the file does not exist.
   *
   * @param what what a record is, for the message: "dependency call"
   * @throws IOException naming the file and line when a whole line is not a {@code what}
   */
  static <T> List<T> read(Path file, Class<T> type, String what) throws IOException {
    List<T> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> lines = in.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(JSON.readValue(line, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          if (i == lines.size() - 1) {
            break; // torn last line
          }
          String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
          int nl = why.indexOf('\n');
          throw new IOException(file + ":" + (i + 1) + ": not a " + what + " ("
              + (nl < 0 ? why : why.substring(0, nl)) + ")", e);
        }
      }
    }
    return records;
  }
}
