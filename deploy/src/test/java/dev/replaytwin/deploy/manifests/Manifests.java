package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The deployment artifacts on disk: the repository root (found from the working directory, which is
 * {@code deploy/} under Maven and may be the root in an IDE), and every YAML document of
 * {@code deploy/k8s/**} and {@code deploy/ci/*.yml}, multi-document files split.
 */
final class Manifests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Manifests() {}

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isDirectory(p.resolve("cli/src/main/java"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (with deploy/k8s and cli/src/main/java) above " + dir);
  }

  static Path deployDir() {
    return repoRoot().resolve("deploy");
  }

  /** Every document of every {@code .yaml}/{@code .yml} file under {@code deploy/k8s}, by file name. */
  static List<YamlDoc> kubernetes() {
    return documentsUnder(deployDir().resolve("k8s"), true);
  }

  /** Every document of the workflows in {@code deploy/ci}. */
  static List<YamlDoc> workflows() {
    return documentsUnder(deployDir().resolve("ci"), false);
  }

  /** {@code docs} with the document {@code kind}/{@code name} edited (exactly one must match). */
  static List<YamlDoc> editing(List<YamlDoc> docs, String kind, String name, Consumer<ObjectNode> edit) {
    List<YamlDoc> out = new ArrayList<>();
    int matched = 0;
    for (YamlDoc d : docs) {
      if (d.kind().equals(kind) && d.name().equals(name)) {
        out.add(d.edited(edit));
        matched++;
      } else {
        out.add(d);
      }
    }
    if (matched != 1) {
      throw new IllegalArgumentException(kind + "/" + name + ": " + matched + " documents (expected: 1)");
    }
    return out;
  }

  private static List<YamlDoc> documentsUnder(Path dir, boolean recursive) {
    Path deploy = deployDir();
    List<YamlDoc> out = new ArrayList<>();
    try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
      for (Path f : files.filter(Manifests::isYaml).sorted().toList()) {
        String rel = deploy.relativize(f).toString().replace('\\', '/');
        List<JsonNode> nodes = read(f);
        for (int i = 0; i < nodes.size(); i++) {
          out.add(new YamlDoc(rel + "#" + i, nodes.get(i)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The documents of one file; a document that is empty or not a mapping fails loudly. */
  static List<JsonNode> read(Path file) throws IOException {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> nodes = YAML.readValues(parser, JsonNode.class).readAll();
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i) == null || !nodes.get(i).isObject()) {
          throw new IOException(file + " document " + i + ": not a mapping (an empty document, or a stray ---?)");
        }
      }
      return nodes;
    }
  }

  /** A YAML value parsed on its own, e.g. a file held in a ConfigMap. */
  static JsonNode parse(String yaml) throws IOException {
    return YAML.readTree(yaml);
  }

  private static boolean isYaml(Path f) {
    String n = f.getFileName().toString();
    return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml"));
  }
}
