package dev.replaytwin.core.run;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers shared by the outcome tests. */
final class OutcomeFiles {
  static final String HEADER = "{\"format\":\"replaytwin-outcomes\",\"version\":1}";

  private OutcomeFiles() {}

  static void write(Path file, List<Outcome> outcomes) throws IOException {
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      for (Outcome o : outcomes) {
        writer.append(o);
      }
    }
  }

  static List<Outcome> readAll(OutcomeReader reader) throws IOException {
    List<Outcome> out = new ArrayList<>();
    for (Outcome o; (o = reader.next()) != null; ) {
      out.add(o);
    }
    return out;
  }

  static List<Outcome> readAll(Path file) throws IOException {
    try (OutcomeReader reader = OutcomeReader.open(file)) {
      return readAll(reader);
    }
  }

  /** The file's lines, decompressed, without their line ends. */
  static List<String> lines(Path file) throws IOException {
    try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  /** Writes {@code text} zstd-compressed, as another program might. */
  static Path writeZstd(Path file, String text) throws IOException {
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
