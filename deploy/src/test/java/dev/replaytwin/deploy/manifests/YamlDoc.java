package dev.replaytwin.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * One YAML document of a manifest or workflow file.
 *
 * @param source the file, relative to {@code deploy/}, and the document's index in it ({@code k8s/a.yaml#1})
 * @param node the parsed document
 */
record YamlDoc(String source, JsonNode node) {
  String kind() {
    return node.path("kind").asText("");
  }

  String name() {
    return node.path("metadata").path("name").asText("");
  }

  /** Where a problem is: the file and document, and the object's kind and name. */
  String where() {
    return source + " " + kind() + "/" + name();
  }

  /** A copy with {@code edit} applied: how tests break a manifest to see a check fail. */
  YamlDoc edited(Consumer<ObjectNode> edit) {
    ObjectNode copy = node.deepCopy();
    edit.accept(copy);
    return new YamlDoc(source, copy);
  }
}
