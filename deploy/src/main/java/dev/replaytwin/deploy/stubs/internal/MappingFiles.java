package dev.replaytwin.deploy.stubs.internal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes one dependency's mappings as {@code <dir>/mappings/NNNN-<method>-<path>.json}, numbered in
 * the order written, each with an id derived from its dependency and file name, pretty-printed with
 * {@code \n} line ends: the same stubs are the same bytes.
 */
public final class MappingFiles {
  private static final int MAX_SLUG = 60;
  private static final ObjectWriter WRITER = Json.getObjectMapper()
      .writerWithView(Json.PublicView.class)
      .with(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private final Path mappings;
  private final String dependency;
  private int count;

  private MappingFiles(Path mappings, String dependency) {
    this.mappings = mappings;
    this.dependency = dependency;
  }

  /** Creates {@code dir/mappings/}. */
  public static MappingFiles create(Path dir, String dependency) throws IOException {
    Path mappings = dir.resolve("mappings");
    Files.createDirectories(mappings);
    return new MappingFiles(mappings, dependency);
  }

  /** Writes one mapping, giving it its id. */
  public Path write(String method, String path, MappingFactory.Named named) throws IOException {
    count++;
    String name = String.format(Locale.ROOT, "%04d-%s", count, slug(method + " " + path + named.label())) + ".json";
    StubMapping mapping = named.mapping();
    mapping.setId(UUID.nameUUIDFromBytes(("replaytwin/" + dependency + "/" + name).getBytes(StandardCharsets.UTF_8)));
    Path file = mappings.resolve(name);
    Files.writeString(file, WRITER.writeValueAsString(mapping) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** Mappings written so far. */
  public int count() {
    return count;
  }

  /** Lower case letters, digits, '.' and '_', the rest one '-': {@code get-v1-charges-ch_1}. */
  static String slug(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SLUG));
    for (int i = 0; i < s.length() && b.length() < MAX_SLUG; i++) {
      char c = Character.toLowerCase(s.charAt(i));
      boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_';
      if (keep) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "root" : b.toString();
  }
}
